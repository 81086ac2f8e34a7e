package org.foodnet.api.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * Reads and writes RFC 4180 CSV (comma, double quotes, CRLF or LF), with a header row.
 * <p>
 * Formula injection (OWASP "CSV injection"): a written cell that a spreadsheet could take for a formula, one that
 * starts with {@code = + - @}, a tab, CR or LF and is not a plain number, gets a leading {@code '} (shown as text,
 * the quote itself hidden); so does a cell that would otherwise read back as such a guarded cell. Reading strips
 * exactly that one guard again, so exporting and importing gives back the same text; numbers stay numbers.
 */
public final class Csv {

    private static final java.util.regex.Pattern NUMBER =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");

    private Csv() {
    }

    /** One data row: its line number in the file (the header is line 1) and its values by column name. */
    public record Row(int line, Map<String, String> values) {
        public String get(String column) {
            String v = values.get(column);
            return v == null || v.isBlank() ? null : unguard(v.trim());
        }
    }

    /** One bad row: line, column and why. */
    public record RowError(int line, String column, String message) {
    }

    /** A rejected upload: every bad row, nothing stored. */
    public static final class Rejected extends Problem {
        private final List<RowError> rows;

        public Rejected(List<RowError> rows) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, rows.size() + " row(s) have errors; nothing was imported",
                    rows.stream().map(r -> new FieldError("line " + r.line() + (r.column() == null ? "" : ": " + r.column()),
                            r.message())).toList());
            this.rows = List.copyOf(rows);
        }

        public List<RowError> rows() {
            return rows;
        }
    }

    /** The byte-order mark every export starts with, so that Excel (in Japan too) opens the file as UTF-8. */
    public static final String BOM = "\uFEFF";

    /** Excel in Japan saves "CSV" as Shift_JIS, in fact Microsoft's code page 932 (a superset). */
    public static final java.nio.charset.Charset CP932 = java.nio.charset.Charset.forName("windows-31j");

    /**
     * The text of an uploaded CSV: in the character set named by {@code charset} (a request parameter) if given,
     * else by the Content-Type's {@code charset} if that is not UTF-8 or US-ASCII, else detected: bytes that are
     * valid UTF-8 (with or without BOM) are UTF-8, anything else is read as CP932 (Shift_JIS as Excel writes it).
     * {@code Shift_JIS}, {@code SJIS}, {@code CP932}, {@code MS932} and {@code windows-31j} all mean CP932.
     */
    public static String decode(byte[] body, String charset, String contentType) {
        if (body == null) {
            return null;
        }
        java.nio.charset.Charset chosen = null;
        if (charset != null && !charset.isBlank()) {
            chosen = charsetNamed(charset.trim());
            if (chosen == null) {
                throw Problem.badField("charset", "unknown character set '" + CsvCells.shorten(charset.trim())
                        + "'; use UTF-8 or Shift_JIS (CP932)");
            }
        } else if (contentType != null) {
            try {
                java.nio.charset.Charset declared = org.springframework.http.MediaType.parseMediaType(contentType).getCharset();
                if (declared != null && !declared.equals(java.nio.charset.StandardCharsets.UTF_8)
                        && !declared.equals(java.nio.charset.StandardCharsets.US_ASCII)) {
                    chosen = charsetNamed(declared.name());
                }
            } catch (RuntimeException e) {
                // an unknown charset in the Content-Type: detect instead
            }
        }
        if (chosen != null) {
            return new String(body, chosen);
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(body)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return new String(body, CP932);
        }
    }

    private static java.nio.charset.Charset charsetNamed(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "");
        switch (n) {
            case "shiftjis", "sjis", "cp932", "ms932", "windows31j", "xsjis", "mskanji" -> {
                return CP932;
            }
            case "utf8" -> {
                return java.nio.charset.StandardCharsets.UTF_8;
            }
            default -> {
                try {
                    return java.nio.charset.Charset.forName(name);
                } catch (RuntimeException e) {
                    return null;
                }
            }
        }
    }

    public static List<Row> read(String text, List<String> required) {
        if (text != null && !text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        if (text == null || text.isBlank()) {
            throw new Rejected(List.of(new RowError(1, "header",
                    "the CSV is empty; the first line must name the columns (" + String.join(",", required) + ")")));
        }
        List<List<String>> records = parse(text);
        if (records.isEmpty() || records.get(0).stream().allMatch(String::isBlank)) {
            throw new Rejected(List.of(new RowError(1, "header",
                    "the first line must name the columns (" + String.join(",", required) + ")")));
        }
        List<String> header = records.get(0).stream().map(h -> h.trim().toLowerCase(java.util.Locale.ROOT)).toList();
        List<RowError> missing = new ArrayList<>();
        for (String column : required) {
            if (!header.contains(column)) {
                missing.add(new RowError(1, column, "missing column " + column + " in the header (columns: "
                        + String.join(",", required) + ")"));
            }
        }
        for (int c = 0; c < header.size(); c++) {
            String problem = InputRules.textProblem(header.get(c));
            if (problem != null) {
                missing.add(new RowError(1, "column " + (c + 1), problem));
            }
        }
        if (!missing.isEmpty()) {
            throw new Rejected(missing);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < records.size(); i++) {
            List<String> record = records.get(i);
            if (record.size() == 1 && record.get(0).isBlank()) {
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), c < record.size() ? record.get(c) : null);
            }
            rows.add(new Row(i + 1, values));
        }
        return rows;
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new Rejected(List.of(new RowError(records.size() + 1, null, "a quoted CSV field is not closed")));
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }

    /** Whether a cell must be written with a leading {@code '} (see the class comment). */
    static boolean needsGuard(String s) {
        int first = 0;
        while (first < s.length() && s.charAt(first) == '\'') {   // a guard on a guard-like cell
            first++;
        }
        if (first == s.length()) {
            return false;
        }
        return switch (s.charAt(first)) {
            case '=', '@', '\t', '\r', '\n' -> true;
            case '+', '-' -> !NUMBER.matcher(s).region(first, s.length()).matches();
            default -> false;
        };
    }

    /** The cell as written: with the guard where needed. */
    public static String guard(String s) {
        return needsGuard(s) ? "'" + s : s;
    }

    /** The cell as read: a guard written by {@link #guard} taken off again. */
    public static String unguard(String s) {
        return s.length() > 1 && s.charAt(0) == '\'' && needsGuard(s.substring(1)) ? s.substring(1) : s;
    }

    /** The CSV text, starting with {@link #BOM}. */
    public static String write(List<String> header, List<List<Object>> rows) {
        StringBuilder out = new StringBuilder(BOM);
        line(out, new ArrayList<>(header));
        rows.forEach(r -> line(out, r));
        return out.toString();
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object v = values.get(i);
            String s = guard(v == null ? "" : v.toString());
            if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            out.append(s);
        }
        out.append("\r\n");
    }
}
