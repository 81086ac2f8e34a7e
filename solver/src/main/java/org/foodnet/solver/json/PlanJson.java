package org.foodnet.solver.json;

import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;

import org.foodnet.solver.plan.Plan;

/**
 * Reads and writes a {@link Plan} as JSON (see {@code docs/file-formats.md}): trips with their stops and
 * movements, and the parcels (allocations). Date-times are ISO-8601 local times of the network's zone.
 * Problems with an input file throw {@link InputFormatException}. Reading checks the file's form only;
 * whether the plan fits a network is the plan checker's business.
 */
public final class PlanJson {

    /** The name used in messages when the input has no file name of its own. */
    public static final String DEFAULT_SOURCE = "plan.json";

    private PlanJson() {
    }

    public static Plan read(Path file) {
        return fromJson(JsonSupport.readText(file), file.toString());
    }

    public static Plan read(InputStream in, String sourceName) {
        return fromJson(JsonSupport.readText(in, sourceName), sourceName);
    }

    public static Plan read(Reader in, String sourceName) {
        return fromJson(JsonSupport.readText(in, sourceName), sourceName);
    }

    public static Plan fromJson(String json) {
        return fromJson(json, DEFAULT_SOURCE);
    }

    public static Plan fromJson(String json, String sourceName) {
        return JsonSupport.parse(json, sourceName, Plan.class, null);
    }

    public static String toJson(Plan plan) {
        return JsonSupport.toJson(plan);
    }

    public static void write(Plan plan, Path file) {
        JsonSupport.write(plan, file);
    }

    public static void write(Plan plan, Writer out) {
        JsonSupport.write(plan, out);
    }
}
