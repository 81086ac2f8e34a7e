package org.foodnet.solver.json;

/**
 * A network or plan file that cannot be read: missing, not JSON, or JSON that does not describe a valid
 * network/plan. The message is one line: the file, where in it (a JSON path such as {@code lots[12].grams}, or
 * a line and column for malformed JSON) and the problem, e.g.
 * {@code network.json: lots[12].grams: lot lot-0013: grams must be > 0, got -5 (line 140, column 5)}.
 */
public final class InputFormatException extends RuntimeException {

    private final String source;
    private final String path;
    private final String problem;

    /**
     * @param source  the file name (or another name for the input) the problem is in
     * @param path    where in it: a JSON path ("$" for the whole document), a "line L, column C", or null
     * @param problem what is wrong, one line
     */
    public InputFormatException(String source, String path, String problem) {
        this(source, path, problem, null, null);
    }

    InputFormatException(String source, String path, String problem, String suffix, Throwable cause) {
        super(source + ": " + (path == null ? "" : path + ": ") + problem + (suffix == null ? "" : " " + suffix), cause);
        this.source = source;
        this.path = path;
        this.problem = problem;
    }

    /** The file name (or input name) given when reading. */
    public String source() {
        return source;
    }

    /** Where the problem is: a JSON path such as {@code sites[2].kind}, a line and column, or null. */
    public String path() {
        return path;
    }

    /** What is wrong, without the file name and path. */
    public String problem() {
        return problem;
    }
}
