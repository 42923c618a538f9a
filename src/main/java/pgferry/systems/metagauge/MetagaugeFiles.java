package pgferry.systems.metagauge;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import pgferry.systems.jsonfiles.AppTimestamps;
import pgferry.systems.jsonfiles.JsonFileStyle;
import pgferry.systems.jsonfiles.SampleRandom;

/**
 * MetaGauge's three JSON files as its Node storage classes wrote them ({@code JSON.stringify(all, null, 2)}):
 * {@code users.json}, {@code contracts.json}, {@code analyses.json}, each one array of records with nested
 * parts. Every record is rebuilt from its index (ids and owners from their own streams), so nothing is
 * kept in memory. Scale = number of analyses; users = scale/20, contracts = scale/8 (at least 2 each).
 */
final class MetagaugeFiles {
    private static final JsonFileStyle JS = JsonFileStyle.NODE;
    private static final long K_USER = 11, K_USER_ID = 12, K_CONTRACT = 13, K_CONTRACT_ID = 14, K_OWNER = 15,
            K_ANALYSIS = 16, K_ANALYSIS_ID = 17, K_TARGET = 18;
    private static final LocalDateTime USERS_FROM = LocalDateTime.of(2024, 9, 2, 8, 0);
    private static final LocalDateTime ANALYSES_FROM = LocalDateTime.of(2025, 3, 3, 0, 0);
    private static final long ANALYSES_SPAN_MS = 240L * 24 * 3600 * 1000;

    private static final String[] FIRST = {"María", "James", "Aiko", "Olusegun", "Chloé", "Liam", "Priya", "Mateusz",
            "Sofia", "Noah", "Zoë", "Kwame", "Elena", "Lucas", "Fatima", "Björn"};
    private static final String[] LAST = {"González", "Smith", "Tanaka", "Adeyemi", "Dubois", "Walsh", "Sharma",
            "Wiśniewski", "Rossi", "Müller", "Okafor", "Petrova", "Silva", "Haddad", "Lindqvist", "Nguyen"};
    private static final String[] ASCII_FIRST = {"maria", "james", "aiko", "olusegun", "chloe", "liam", "priya",
            "mateusz", "sofia", "noah", "zoe", "kwame", "elena", "lucas", "fatima", "bjorn"};
    private static final String[] ASCII_LAST = {"gonzalez", "smith", "tanaka", "adeyemi", "dubois", "walsh", "sharma",
            "wisniewski", "rossi", "muller", "okafor", "petrova", "silva", "haddad", "lindqvist", "nguyen"};
    private static final String[] DOMAINS = {"gmail.com", "proton.me", "outlook.com", "yahoo.com", "fastmail.com",
            "metagauge.io", "example.org"};
    private static final String[] CHAINS = {"ethereum", "lisk", "starknet", "base", "polygon", "arbitrum"};
    private static final String[][] RPC = {
            {"https://eth.llamarpc.com", "https://ethereum-rpc.publicnode.com", "https://rpc.ankr.com/eth"},
            {"https://rpc.api.lisk.com", "https://lisk.drpc.org", "https://lisk.gateway.tenderly.co"},
            {"https://starknet-mainnet.public.blastapi.io", "https://rpc.starknet.lava.build", "https://starknet.drpc.org"},
            {"https://mainnet.base.org", "https://base-rpc.publicnode.com", "https://base.llamarpc.com"},
            {"https://polygon-rpc.com", "https://polygon-bor-rpc.publicnode.com", "https://rpc.ankr.com/polygon"},
            {"https://arb1.arbitrum.io/rpc", "https://arbitrum-one-rpc.publicnode.com", "https://arbitrum.llamarpc.com"}};
    private static final String[] PROTOCOLS = {"Uniswap V3: Router", "Aave V3: Pool", "Curve: 3pool", "Lido: stETH",
            "Compound V3: cUSDCv3", "GMX: Vault", "Velodrome: Router", "1inch: Aggregation Router V6", "Balancer: Vault",
            "Pendle: Router", "Morpho Blue", "Ekubo: Core"};
    private static final String[] TAGS = {"defi", "dex", "lending", "staking", "bridge", "nft", "l2", "yield"};
    private static final String[] STEPS = {"welcome", "profile", "contract", "first-analysis"};

    private final long seed;
    final int analyses;
    final int users;
    final int contracts;

    MetagaugeFiles(long seed, int scale) {
        this.seed = seed;
        this.analyses = scale;
        this.users = Math.max(2, scale / 20);
        this.contracts = Math.max(users, scale / 8);
    }

    void write(Path data) throws IOException {
        writeUsers(data.resolve("users.json"));
        writeContracts(data.resolve("contracts.json"));
        writeAnalyses(data.resolve("analyses.json"));
    }

    String userId(int u) {
        return SampleRandom.of(seed, K_USER_ID, u).uuid4();
    }

    String contractId(int c) {
        return SampleRandom.of(seed, K_CONTRACT_ID, c).uuid4();
    }

    /** The first {@code users} contracts belong to user 0, 1, 2... in turn (everyone has one); the rest at random. */
    int owner(int c) {
        return c < users ? c : SampleRandom.of(seed, K_OWNER, c).between(0, users - 1);
    }

    /** The chain of contract {@code c}'s target (ethereum for almost half). */
    int chainOf(int c) {
        SampleRandom r = SampleRandom.of(seed, K_TARGET, c);
        return r.percent(45) ? 0 : r.between(0, CHAINS.length - 1);
    }

    String targetAddress(int c) {
        SampleRandom r = SampleRandom.of(seed, K_TARGET, c);
        int chain = r.percent(45) ? 0 : r.between(0, CHAINS.length - 1);
        return address(r, chain);
    }

    LocalDateTime userCreated(int u) {
        long span = ChronoUnit.MILLIS.between(USERS_FROM, ANALYSES_FROM.minusDays(30));
        return USERS_FROM.plus(span * u / users + SampleRandom.of(seed, K_OWNER, -1 - u).between(0, 3_600_000), ChronoUnit.MILLIS);
    }

    private void writeUsers(Path file) throws IOException {
        try (JsonGenerator g = JS.open(file)) {
            g.writeStartArray();
            for (int u = 0; u < users; u++) {
                SampleRandom r = SampleRandom.of(seed, K_USER, u);
                int f = r.between(0, FIRST.length - 1);
                int l = r.between(0, LAST.length - 1);
                LocalDateTime created = userCreated(u);
                String local = r.percent(50) ? ASCII_FIRST[f] + "." + ASCII_LAST[l] + u : ASCII_FIRST[f].charAt(0) + ASCII_LAST[l] + u;
                if (r.percent(3)) {
                    local = local + "+metagauge";
                }
                String email = local + "@" + r.pick(DOMAINS);
                if (r.percent(2)) {   // stored as the user typed it
                    email = Character.toUpperCase(email.charAt(0)) + email.substring(1);
                }
                g.writeStartObject();
                g.writeStringField("id", userId(u));
                g.writeStringField("email", email);
                g.writeStringField("passwordHash", "$2b$10$" + r.bcryptChars(53));
                g.writeStringField("name", r.percent(4) ? null : FIRST[f] + " " + LAST[l]);
                String tier = r.percent(70) ? "free" : r.percent(80) ? "pro" : "enterprise";
                g.writeStringField("tier", tier);
                g.writeStringField("apiKey", "mg_" + r.hex(40));
                g.writeBooleanField("isActive", !r.percent(3));
                g.writeBooleanField("emailVerified", r.percent(85));
                g.writeStringField("createdAt", AppTimestamps.jsIso(created));
                LocalDateTime updated = created.plus(r.between(0L, 200L * 86_400_000), ChronoUnit.MILLIS);
                g.writeStringField("updatedAt", AppTimestamps.jsIso(updated));
                g.writeStringField("lastLoginAt", r.percent(8) ? null : AppTimestamps.jsIso(updated.plusMinutes(r.between(0, 50_000))));
                if (!r.percent(5)) {       // accounts older than the onboarding flow have none
                    int step = r.between(0, STEPS.length);
                    boolean done = step == STEPS.length;
                    g.writeObjectFieldStart("onboarding");
                    g.writeBooleanField("completed", done);
                    g.writeNumberField("currentStep", step);
                    g.writeArrayFieldStart("completedSteps");
                    for (int s = 0; s < step; s++) {
                        g.writeString(STEPS[s]);
                    }
                    g.writeEndArray();
                    g.writeObjectFieldStart("socialLinks");
                    g.writeStringField("website", r.percent(40) ? "https://" + ASCII_LAST[l] + u + ".xyz" : null);
                    g.writeStringField("twitter", r.percent(50) ? "@" + ASCII_FIRST[f] + "_" + ASCII_LAST[l] : null);
                    g.writeStringField("discord", r.percent(20) ? ASCII_FIRST[f] + "#" + r.between(1000, 9999) : null);
                    g.writeStringField("telegram", null);
                    g.writeEndObject();
                    g.writeStringField("logo", r.percent(15) ? "https://cdn.metagauge.io/logos/" + r.hex(16) + ".png" : null);
                    g.writeStringField("defaultContractId", step >= 3 ? contractId(u) : null);
                    g.writeStringField("completedAt", done ? AppTimestamps.jsIso(created.plusMinutes(r.between(3, 4000))) : null);
                    g.writeEndObject();
                }
                g.writeObjectFieldStart("preferences");
                g.writeStringField("theme", r.pick(new String[] {"dark", "light", "system"}));
                g.writeObjectFieldStart("notifications");
                g.writeBooleanField("email", r.percent(70));
                g.writeBooleanField("analysisComplete", r.percent(90));
                if (!r.percent(30)) {      // added in a later release
                    g.writeBooleanField("weeklyReport", r.percent(40));
                }
                g.writeEndObject();
                g.writeStringField("defaultChain", r.pick(CHAINS));
                g.writeStringField("timezone", r.pick(new String[] {"UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Africa/Lagos"}));
                g.writeStringField("currency", r.percent(85) ? "USD" : "EUR");
                g.writeEndObject();
                g.writeObjectFieldStart("usage");
                g.writeNumberField("analysisCount", r.between(0, 400));
                g.writeNumberField("monthlyAnalysisCount", r.between(0, 40));
                g.writeStringField("lastAnalysis", r.percent(10) ? null : AppTimestamps.jsIso(ANALYSES_FROM.plus(r.between(0L, ANALYSES_SPAN_MS), ChronoUnit.MILLIS)));
                g.writeStringField("monthlyResetDate", AppTimestamps.jsIso(LocalDateTime.of(2025, 11, 1, 0, 0)));
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private void writeContracts(Path file) throws IOException {
        try (JsonGenerator g = JS.open(file)) {
            g.writeStartArray();
            for (int c = 0; c < contracts; c++) {
                SampleRandom r = SampleRandom.of(seed, K_CONTRACT, c);
                int u = owner(c);
                int chain = chainOf(c);
                String protocol = r.pick(PROTOCOLS);
                LocalDateTime created = userCreated(u).plus(r.between(0L, 20L * 86_400_000), ChronoUnit.MILLIS);
                g.writeStartObject();
                g.writeStringField("id", contractId(c));
                g.writeStringField("userId", userId(u));
                g.writeStringField("name", protocol + " on " + CHAINS[chain]);
                g.writeStringField("description", r.percent(30) ? null : "Tracking " + protocol + " usage, whales and gas — vs. competitors");
                g.writeObjectFieldStart("targetContract");
                g.writeStringField("address", targetAddress(c));
                g.writeStringField("chain", CHAINS[chain]);
                g.writeStringField("name", protocol);
                g.writeNullField("abi");
                g.writeEndObject();
                g.writeArrayFieldStart("competitors");
                int competitors = r.between(0, 5);
                for (int k = 0; k < competitors; k++) {
                    g.writeStartObject();
                    int competitorChain = r.percent(80) ? chain : r.between(0, CHAINS.length - 1);
                    g.writeStringField("name", r.pick(PROTOCOLS));
                    g.writeStringField("address", address(r, competitorChain));
                    g.writeStringField("chain", CHAINS[competitorChain]);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("rpcEndpoints");
                int endpoints = r.between(1, 3);
                int first = r.between(0, 2);
                for (int k = 0; k < endpoints; k++) {
                    g.writeStartObject();
                    g.writeStringField("chain", CHAINS[chain]);
                    g.writeStringField("url", RPC[chain][(first + k) % 3]);
                    g.writeNumberField("priority", k + 1);
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeObjectFieldStart("analysisParams");
                g.writeNumberField("blockRange", r.pick(new Integer[] {500, 1000, 5000, 10000, 50000}));
                g.writeFieldName("whaleThreshold");
                JS.number(g, r.percent(60) ? BigDecimal.valueOf(r.pick(new Integer[] {1, 10, 50, 100, 1000}))
                        : r.decimal(1, 99_999, r.between(1, 6)));
                g.writeNumberField("maxConcurrentRequests", r.between(1, 10));
                g.writeNumberField("failoverTimeout", r.pick(new Integer[] {10000, 30000, 60000}));
                g.writeNumberField("maxRetries", r.between(0, 5));
                g.writeArrayFieldStart("outputFormats");
                g.writeString("json");
                if (r.percent(60)) {
                    g.writeString("csv");
                }
                if (r.percent(40)) {
                    g.writeString("markdown");
                }
                g.writeEndArray();
                g.writeEndObject();
                g.writeArrayFieldStart("tags");
                int tags = r.between(0, 3);
                int t0 = r.between(0, TAGS.length - 1);
                for (int k = 0; k < tags; k++) {
                    g.writeString(TAGS[(t0 + k) % TAGS.length]);
                }
                g.writeEndArray();
                g.writeBooleanField("isActive", !r.percent(10));
                g.writeBooleanField("isDefault", c < users);
                g.writeStringField("lastAnalyzed", r.percent(20) ? null
                        : AppTimestamps.jsIso(ANALYSES_FROM.plus(r.between(0L, ANALYSES_SPAN_MS), ChronoUnit.MILLIS)));
                g.writeNumberField("analysisCount", r.between(0, 300));
                g.writeStringField("createdAt", AppTimestamps.jsIso(created));
                g.writeStringField("updatedAt", AppTimestamps.jsIso(created.plus(r.between(0L, 90L * 86_400_000), ChronoUnit.MILLIS)));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    private void writeAnalyses(Path file) throws IOException {
        try (JsonGenerator g = JS.open(file)) {
            g.writeStartArray();
            for (int a = 0; a < analyses; a++) {
                SampleRandom r = SampleRandom.of(seed, K_ANALYSIS, a);
                int c = r.between(0, contracts - 1);
                int chain = chainOf(c);
                LocalDateTime created = ANALYSES_FROM.plus(ANALYSES_SPAN_MS * a / analyses + r.between(0, 59_999), ChronoUnit.MILLIS);
                String type = r.percent(50) ? "single" : r.percent(60) ? "competitive" : "comparative";
                String status;
                if (a >= analyses - Math.max(1, analyses / 100)) {
                    status = r.percent(50) ? "pending" : "running";
                } else {
                    status = r.percent(90) ? "completed" : "failed";
                }
                boolean completed = status.equals("completed");
                LocalDateTime finished = created.plus(r.between(2_000L, 900_000L), ChronoUnit.MILLIS);
                g.writeStartObject();
                g.writeStringField("id", SampleRandom.of(seed, K_ANALYSIS_ID, a).uuid4());
                g.writeStringField("userId", userId(owner(c)));
                g.writeStringField("configId", contractId(c));
                g.writeStringField("analysisType", type);
                g.writeStringField("status", status);
                g.writeNumberField("progress", completed ? 100 : status.equals("pending") ? 0 : r.between(1, 99));
                g.writeFieldName("results");
                if (completed) {
                    g.writeStartObject();
                    g.writeObjectFieldStart("target");
                    g.writeObjectFieldStart("contract");
                    g.writeStringField("chain", CHAINS[chain]);
                    g.writeStringField("address", targetAddress(c));
                    g.writeEndObject();
                    writeMetrics(g, r, chain);
                    g.writeEndObject();
                    int competitors = type.equals("single") ? 0 : r.between(1, 3);
                    g.writeArrayFieldStart("competitors");
                    for (int k = 0; k < competitors; k++) {
                        g.writeStartObject();
                        g.writeStringField("name", r.pick(PROTOCOLS));
                        writeMetrics(g, r, chain);
                        g.writeEndObject();
                    }
                    g.writeEndArray();
                    if (competitors > 0) {
                        g.writeObjectFieldStart("comparative");
                        g.writeNumberField("marketPosition", r.between(1, competitors + 1));
                        g.writeNumberField("gasEfficiencyRank", r.between(1, competitors + 1));
                        g.writeStringField("summary", "Target leads on unique users; competitor ahead on volume.");
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                } else {
                    g.writeNull();
                }
                g.writeObjectFieldStart("metadata");
                long toBlock = 19_000_000L + a * 37L + r.between(0, 36);
                g.writeObjectFieldStart("blockRange");
                g.writeNumberField("from", toBlock - 1000);
                g.writeNumberField("to", toBlock);
                g.writeEndObject();
                g.writeArrayFieldStart("chainsAnalyzed");
                g.writeString(CHAINS[chain]);
                g.writeEndArray();
                g.writeNumberField("rpcCallsMade", r.between(0, 20_000));
                if (!status.equals("pending")) {
                    g.writeNumberField("executionTimeMs", ChronoUnit.MILLIS.between(created, finished));
                }
                g.writeStringField("version", r.percent(70) ? "2.1.0" : "2.0.3");
                g.writeEndObject();
                g.writeStringField("errorMessage", status.equals("failed")
                        ? r.pick(new String[] {"RPC request failed: timeout after 30000ms", "All RPC endpoints failed for chain " + CHAINS[chain],
                        "Contract not verified: ABI unavailable", "Rate limited (429) by provider\nretries exhausted"}) : null);
                g.writeArrayFieldStart("logs");
                g.writeString("[" + AppTimestamps.jsIso(created) + "] analysis queued");
                if (!status.equals("pending")) {
                    g.writeString("[" + AppTimestamps.jsIso(created.plusNanos(850_000_000L)) + "] fetching blocks on " + CHAINS[chain]);
                }
                g.writeEndArray();
                g.writeStringField("createdAt", AppTimestamps.jsIso(created));
                g.writeStringField("completedAt", completed || status.equals("failed") ? AppTimestamps.jsIso(finished) : null);
                g.writeStringField("updatedAt", AppTimestamps.jsIso(status.equals("pending") ? created : finished));
                g.writeEndObject();
            }
            g.writeEndArray();
        }
    }

    /** An account address: 20 bytes on EVM chains, a 32-byte felt on Starknet. */
    private static String address(SampleRandom r, int chain) {
        return "0x" + r.hex(CHAINS[chain].equals("starknet") ? 64 : 40);
    }

    /** On-chain figures: ETH amounts as 18-decimal strings (JS numbers cannot hold them), the rest as JS numbers. */
    private static void writeMetrics(JsonGenerator g, SampleRandom r, int chain) throws IOException {
        g.writeObjectFieldStart("metrics");
        g.writeNumberField("totalTransactions", r.between(0, 2_000_000));
        g.writeNumberField("uniqueUsers", r.between(0, 300_000));
        g.writeStringField("totalVolume", BigDecimal.valueOf(r.between(0L, 90_000_000_000_000_000L), 18).multiply(BigDecimal.valueOf(r.between(1, 50_000))).toPlainString());
        g.writeStringField("feesPaid", BigDecimal.valueOf(r.between(0L, 999_999_999_999_999_999L), 18).toPlainString());
        g.writeNumberField("avgGasUsed", r.between(21_000, 900_000));
        g.writeFieldName("avgGasPriceGwei");
        JS.number(g, chain == 1 || chain == 3 ? r.decimal(1, 90_000, 9) : r.decimal(100, 90_000, 3));
        g.writeFieldName("successRate");
        JS.number(g, r.perMille(20) ? BigDecimal.valueOf(100) : r.decimal(5_000, 9_999, 2));
        g.writeFieldName("tvlUsd");
        JS.numberOrNull(g, r.percent(10) ? null : r.decimal(0, 99_999_999_999L, 2));
        g.writeNumberField("whaleCount", r.between(0, 500));
        g.writeEndObject();
    }
}
