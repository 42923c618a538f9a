package pgferry.load;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pgferry.UserError;
import pgferry.catalog.Catalog;
import pgferry.catalog.Column;
import pgferry.catalog.Table;
import pgferry.plan.Casts;
import pgferry.plan.Identifiers;
import pgferry.plan.TargetType;

/**
 * The types of an existing target schema (a Flyway schema for {@code --data-only}, or the tables a
 * migration created, for {@code verify}) as casts for the plan: a source column whose target column
 * is {@code timestamptz}, {@code numeric(15,2)}, {@code jsonb}... is converted — and checked — for that
 * type by pgferry, instead of handing PostgreSQL a value it would refuse (epoch integers into
 * {@code timestamptz}) or silently round (six decimals into {@code numeric(15,2)}).
 *
 * <p>Integer and text targets are left to the plan's own rules (they convert the same way, and an
 * identity key must stay the plan's identity). A user's own {@code --cast} wins over these.
 */
public final class TargetColumnTypes {

    /** Target kinds whose conversion differs from the plan's defaults enough to follow the target. */
    private static final Set<TargetType.Kind> FOLLOWED = EnumSet.of(TargetType.Kind.NUMERIC, TargetType.Kind.TIMESTAMPTZ,
            TargetType.Kind.TIMESTAMP, TargetType.Kind.DATE, TargetType.Kind.JSONB, TargetType.Kind.JSON,
            TargetType.Kind.BOOLEAN, TargetType.Kind.UUID, TargetType.Kind.DOUBLE_PRECISION, TargetType.Kind.REAL,
            TargetType.Kind.BYTEA);

    private TargetColumnTypes() {
    }

    /** Casts making each source column convert to the type of its existing target column, where there is one. */
    public static Casts implied(Catalog catalog, Target target, String schema) {
        Map<String, Map<String, String>> types = read(target, schema);
        if (types.isEmpty()) {
            return Casts.none();
        }
        Map<String, String> tableNames = Identifiers.map(catalog.tables().stream().map(Table::name).toList());
        List<Casts.Cast> casts = new ArrayList<>();
        for (Table table : catalog.tables()) {
            Map<String, String> columns = types.get(tableNames.get(table.name()));
            if (columns == null) {
                continue;
            }
            Map<String, String> columnNames = Identifiers.map(table.columns().stream().map(Column::name).toList());
            for (Column column : table.columns()) {
                String type = columns.get(columnNames.get(column.name()));
                if (type == null) {
                    continue;
                }
                TargetType parsed;
                try {
                    parsed = TargetType.parse(type);
                } catch (IllegalArgumentException e) {
                    continue; // a type pgferry does not convert to specially: the plan's own rules apply
                }
                if (FOLLOWED.contains(parsed.kind())) {
                    casts.add(new Casts.Cast(table.name(), column.name(), parsed,
                            "target column " + target.display() + " " + schema + "." + tableNames.get(table.name())
                                    + "." + columnNames.get(column.name()) + " " + type));
                }
            }
        }
        return Casts.of(casts);
    }

    private static Map<String, Map<String, String>> read(Target target, String schema) {
        Map<String, Map<String, String>> out = new HashMap<>();
        try (Connection c = target.connect();
             PreparedStatement ps = c.prepareStatement(LoadSql.load("target_column_types.sql"))) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw new UserError("cannot read the column types of schema " + schema + " at " + target.display() + ": "
                    + e.getMessage().lines().findFirst().orElse(""));
        }
        return out;
    }
}
