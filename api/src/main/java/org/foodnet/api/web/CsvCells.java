package org.foodnet.api.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** Reading typed values from CSV cells, each error naming its column. */
public final class CsvCells {

    public static final String ID_PATTERN = "[A-Za-z0-9._:-]{1,64}";
    public static final String ID_MESSAGE = "must be 1-64 letters, digits or . _ : -";

    private CsvCells() {
    }

    /** Thrown while reading a row: names the column. */
    public static final class BadValue extends RuntimeException {
        public final String column;

        public BadValue(String column, String message) {
            super(message);
            this.column = column;
        }
    }

    public static <T> T parse(Csv.Row row, List<Csv.RowError> errors, Function<Csv.Row, T> parser) {
        try {
            return parser.apply(row);
        } catch (BadValue e) {
            errors.add(new Csv.RowError(row.line(), e.column, e.getMessage()));
        } catch (RuntimeException e) {
            errors.add(new Csv.RowError(row.line(), null, e.getMessage()));
        }
        return null;
    }

    public static String text(Csv.Row row, String column, boolean required) {
        String v = row.get(column);
        if (v == null && required) {
            throw new BadValue(column, "must not be empty");
        }
        if (v != null && v.length() > 300) {
            throw new BadValue(column, "must have at most 300 characters");
        }
        String problem = InputRules.textProblem(v);
        if (problem != null) {
            throw new BadValue(column, problem);
        }
        return v;
    }

    public static String id(Csv.Row row, String column, boolean required) {
        String v = text(row, column, required);
        if (v != null && !v.matches(ID_PATTERN)) {
            throw new BadValue(column, ID_MESSAGE + ", got '" + shorten(v) + "'");
        }
        return v;
    }

    public static double number(Csv.Row row, String column) {
        String v = text(row, column, true);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d) || !v.matches("[-+]?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?")) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new BadValue(column, "must be a number, got '" + shorten(v) + "'");
        }
    }

    public static long whole(Csv.Row row, String column, long min, long max, long otherwise) {
        String v = text(row, column, false);
        if (v == null) {
            return otherwise;
        }
        try {
            long value = Long.parseLong(v);
            if (value < min || value > max) {
                throw new BadValue(column, "must be in [" + min + ", " + max + "], got " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new BadValue(column, "must be a whole number, got '" + shorten(v) + "'");
        }
    }

    public static <E extends Enum<E>> E choice(Csv.Row row, String column, Class<E> type, E otherwise) {
        String v = text(row, column, otherwise == null);
        if (v == null) {
            return otherwise;
        }
        try {
            return Enum.valueOf(type, v.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadValue(column, "unknown value '" + shorten(v) + "' (expected one of " + Arrays.toString(type.getEnumConstants()) + ")");
        }
    }

    public static LocalDate date(Csv.Row row, String column, boolean required) {
        String v = text(row, column, required);
        try {
            return v == null ? null : InputRules.date(v);
        } catch (InputRules.Refused e) {
            throw new BadValue(column, e.getMessage() + ", got '" + shorten(v) + "'");
        }
    }

    /** A value as it is repeated in an error: at most 40 characters. */
    public static String shorten(String v) {
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }

}
