package org.foodnet.solver.json;

import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.foodnet.solver.domain.Network;
import org.foodnet.solver.domain.Place;
import tools.jackson.databind.JsonNode;

/**
 * Reads and writes a {@link Network} as JSON (the format is described in {@code docs/file-formats.md}). The
 * records map as they are: field names are the JSON names, masses are whole grams, dates and times are
 * ISO-8601 strings, absent optional fields are left out. Every problem with an input file is reported as an
 * {@link InputFormatException} with one line naming the file, the JSON path and the problem.
 */
public final class NetworkJson {

    /** The name used in messages when the input has no file name of its own. */
    public static final String DEFAULT_SOURCE = "network.json";

    private NetworkJson() {
    }

    /** Reads a network file; a missing or invalid file throws {@link InputFormatException}. */
    public static Network read(Path file) {
        return fromJson(JsonSupport.readText(file), file.toString());
    }

    /** Reads a network from UTF-8 JSON; {@code sourceName} names the input in error messages. */
    public static Network read(InputStream in, String sourceName) {
        return fromJson(JsonSupport.readText(in, sourceName), sourceName);
    }

    public static Network read(Reader in, String sourceName) {
        return fromJson(JsonSupport.readText(in, sourceName), sourceName);
    }

    /** Reads a network from JSON text; errors name it {@value #DEFAULT_SOURCE}. */
    public static Network fromJson(String json) {
        return fromJson(json, DEFAULT_SOURCE);
    }

    public static Network fromJson(String json, String sourceName) {
        Network network = JsonSupport.parse(json, sourceName, Network.class, NetworkJson::pathOf);
        checkTravelMatrix(network, sourceName);
        return network;
    }

    /** Pretty-printed JSON, ending with a line break. */
    public static String toJson(Network network) {
        return JsonSupport.toJson(network);
    }

    /** Writes the network to a file (creating its folder), replacing what was there. */
    public static void write(Network network, Path file) {
        JsonSupport.write(network, file);
    }

    public static void write(Network network, Writer out) {
        JsonSupport.write(network, out);
    }

    /** An explicit travel matrix must have a row for every site and every driver's home ("home:" + driver id). */
    private static void checkTravelMatrix(Network network, String source) {
        if (network.travelMatrix() == null) {
            return;
        }
        Set<String> ids = new HashSet<>(network.travelMatrix().placeIds());
        for (Place place : network.places()) {
            if (!ids.contains(place.id())) {
                throw new InputFormatException(source, "travelMatrix.placeIds", "no entry for place " + place.id()
                        + " (every site id and every driver's home, \"home:\" + driver id, needs a row)");
            }
        }
    }

    // Messages of Network's own reference checks, mapped back to where the file says it.
    private static final Pattern TWICE = Pattern.compile("^(site|lot|vehicle|driver|need for recipient) id (\\S+) appears twice");
    private static final Pattern ITEM_FIELD = Pattern.compile("^(site|lot|vehicle|driver) (\\S+): (\\w+)");
    private static final Pattern NEED = Pattern.compile("^need: recipientId (\\S+) ");
    private static final Pattern LIST = Pattern.compile("^(sites|needs|lots|vehicles|drivers): ");
    private static final Map<String, String> ARRAYS = Map.of("site", "sites", "lot", "lots", "vehicle", "vehicles",
            "driver", "drivers", "need for recipient", "needs");

    static String pathOf(String message, JsonNode root) {
        Matcher m = TWICE.matcher(message);
        if (m.find()) {
            String array = ARRAYS.get(m.group(1));
            String key = array.equals("needs") ? "recipientId" : "id";
            int i = indexOf(root.path(array), key, m.group(2), 2);
            return i < 0 ? array : array + "[" + i + "]." + key;
        }
        m = ITEM_FIELD.matcher(message);
        if (m.find()) {
            String array = ARRAYS.get(m.group(1));
            int i = indexOf(root.path(array), "id", m.group(2), 1);
            if (i < 0) {
                return array;
            }
            String field = m.group(3);
            return array + "[" + i + "]" + (root.path(array).get(i).has(field) ? "." + field : "");
        }
        m = NEED.matcher(message);
        if (m.find()) {
            int i = indexOf(root.path("needs"), "recipientId", m.group(1), 1);
            return i < 0 ? "needs" : "needs[" + i + "].recipientId";
        }
        m = LIST.matcher(message);
        if (m.find()) {
            return m.group(1);
        }
        return "$";
    }

    /** The index of the n-th element (1-based) of an array whose {@code key} is {@code value}; -1 if none. */
    private static int indexOf(JsonNode array, String key, String value, int nth) {
        int seen = 0;
        for (int i = 0; i < array.size(); i++) {
            JsonNode id = array.get(i).path(key);
            if (id.isString() && id.stringValue().equals(value) && ++seen == nth) {
                return i;
            }
        }
        return -1;
    }
}
