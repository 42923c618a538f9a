package pgferry.load;

import pgferry.catalog.Column;
import pgferry.plan.ValueConverter;

/**
 * One column to load: the source column, its target name and type, and the converter that turns
 * its raw values into PostgreSQL text.
 */
public record ColumnLoad(Column source, String target, String targetType, ValueConverter converter) {
}
