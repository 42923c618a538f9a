-- aitrader (Python, SQLAlchemy models, SQLite) as it kept its data before PostgreSQL: the DDL that
-- SQLAlchemy's create_all() emits for SQLite. Its habits, kept here on purpose:
--   Float            -> FLOAT (a double)            Boolean -> BOOLEAN + CHECK (x IN (0, 1))
--   String(n)        -> VARCHAR(n) (not enforced)    JSON    -> JSON (text from json.dumps: ", " and ": ")
--   Enum             -> VARCHAR(n) + named CHECK    sqlite_autoincrement=True -> PRIMARY KEY AUTOINCREMENT
--   DateTime         -> DATETIME holding '2025-02-03 04:05:06.789012' (naive UTC, datetime.utcnow())
--   server_default=func.now() -> DEFAULT (CURRENT_TIMESTAMP), i.e. '2025-02-03 04:05:06' (agent_commands)
-- Foreign keys from trades use ON DELETE SET NULL (seed 004: "SET NULL for predictions").

CREATE TABLE predictions (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	timestamp DATETIME NOT NULL, 
	symbol VARCHAR(20) NOT NULL, 
	timeframe VARCHAR(10) NOT NULL, 
	prediction VARCHAR(4) NOT NULL, 
	confidence FLOAT NOT NULL, 
	predicted_price FLOAT, 
	current_price FLOAT NOT NULL, 
	model_version VARCHAR(50), 
	features JSON, 
	used_by_agent BOOLEAN NOT NULL, 
	agent_cycle_number INTEGER, 
	should_trade BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT predictiondirection CHECK (prediction IN ('BUY', 'SELL', 'HOLD')), 
	CONSTRAINT ck_predictions_confidence_range CHECK (confidence >= 0 AND confidence <= 1), 
	CHECK (used_by_agent IN (0, 1)), 
	CHECK (should_trade IN (0, 1))
);

CREATE TABLE trade_explanations (
	id INTEGER NOT NULL, 
	symbol VARCHAR(20) NOT NULL, 
	decision VARCHAR(4) NOT NULL, 
	summary TEXT NOT NULL, 
	reasoning TEXT, 
	factors JSON, 
	model_name VARCHAR(50), 
	prompt_tokens INTEGER, 
	completion_tokens INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT explanationdecision CHECK (decision IN ('BUY', 'SELL', 'HOLD'))
);

CREATE TABLE trades (
	id INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, 
	prediction_id INTEGER, 
	symbol VARCHAR(20) NOT NULL, 
	side VARCHAR(4) NOT NULL, 
	quantity FLOAT NOT NULL, 
	entry_price FLOAT NOT NULL, 
	exit_price FLOAT, 
	stop_loss FLOAT, 
	take_profit FLOAT, 
	entry_time DATETIME NOT NULL, 
	exit_time DATETIME, 
	status VARCHAR(9) NOT NULL, 
	pnl FLOAT, 
	pnl_percent FLOAT, 
	execution_mode VARCHAR(10) NOT NULL, 
	broker VARCHAR(20), 
	mt5_ticket BIGINT, 
	explanation_id INTEGER, 
	created_at DATETIME NOT NULL, 
	CONSTRAINT tradeside CHECK (side IN ('BUY', 'SELL')), 
	CONSTRAINT tradestatus CHECK (status IN ('OPEN', 'CLOSED', 'CANCELLED')), 
	CONSTRAINT ck_trades_execution_mode CHECK (execution_mode IN ('simulation', 'paper', 'live')), 
	CONSTRAINT ck_trades_quantity_positive CHECK (quantity > 0), 
	CONSTRAINT ck_trades_prices_positive CHECK (entry_price > 0 AND (exit_price IS NULL OR exit_price > 0)), 
	FOREIGN KEY(prediction_id) REFERENCES predictions (id) ON DELETE SET NULL, 
	FOREIGN KEY(explanation_id) REFERENCES trade_explanations (id) ON DELETE SET NULL
);

CREATE TABLE agent_commands (
	id INTEGER NOT NULL, 
	command VARCHAR(13) NOT NULL, 
	parameters JSON, 
	status VARCHAR(10) NOT NULL, 
	created_at DATETIME DEFAULT (CURRENT_TIMESTAMP) NOT NULL, 
	processed_at DATETIME, 
	result JSON, 
	error_message TEXT, 
	PRIMARY KEY (id), 
	CONSTRAINT agentcommandtype CHECK (command IN ('START', 'STOP', 'PAUSE', 'RESUME', 'UPDATE_CONFIG', 'CLOSE_ALL')), 
	CONSTRAINT commandstatus CHECK (status IN ('PENDING', 'PROCESSING', 'COMPLETED', 'FAILED'))
);

CREATE TABLE agent_state (
	id INTEGER NOT NULL, 
	status VARCHAR(7) NOT NULL, 
	mode VARCHAR(10) NOT NULL, 
	cycle_count INTEGER NOT NULL, 
	last_cycle_at DATETIME, 
	account_balance FLOAT, 
	account_equity FLOAT, 
	open_positions INTEGER NOT NULL, 
	config JSON, 
	error_message TEXT, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	CONSTRAINT agentstatus CHECK (status IN ('RUNNING', 'STOPPED', 'PAUSED', 'ERROR')), 
	CONSTRAINT ck_agent_state_mode CHECK (mode IN ('simulation', 'paper', 'live'))
);

CREATE TABLE circuit_breaker_events (
	id INTEGER NOT NULL, 
	breaker_type VARCHAR(18) NOT NULL, 
	triggered_at DATETIME NOT NULL, 
	threshold FLOAT NOT NULL, 
	actual_value FLOAT NOT NULL, 
	action_taken VARCHAR(15) NOT NULL, 
	details JSON, 
	resolved_at DATETIME, 
	PRIMARY KEY (id), 
	CONSTRAINT breakertype CHECK (breaker_type IN ('DAILY_LOSS', 'CONSECUTIVE_LOSSES', 'MAX_DRAWDOWN', 'VOLATILITY', 'MANUAL')), 
	CONSTRAINT breakeraction CHECK (action_taken IN ('PAUSE_TRADING', 'CLOSE_POSITIONS', 'REDUCE_SIZE', 'ALERT_ONLY'))
);

CREATE INDEX idx_predictions_timestamp_symbol ON predictions (timestamp, symbol);
CREATE INDEX idx_predictions_agent_cycle ON predictions (agent_cycle_number);
CREATE INDEX idx_trades_status ON trades (status);
CREATE INDEX idx_trades_entry_time ON trades (entry_time);
CREATE INDEX idx_trades_execution_mode ON trades (execution_mode);
CREATE INDEX idx_agent_commands_status ON agent_commands (status);
CREATE INDEX idx_agent_state_updated ON agent_state (updated_at);
CREATE INDEX idx_circuit_breaker_triggered ON circuit_breaker_events (triggered_at);
