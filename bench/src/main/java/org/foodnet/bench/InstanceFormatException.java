package org.foodnet.bench;

import java.nio.file.Path;

/** A benchmark file that cannot be read: names the file and the line. */
public class InstanceFormatException extends RuntimeException {

    public InstanceFormatException(Path file, int line, String message) {
        super(file + (line > 0 ? ":" + line : "") + ": " + message);
    }
}
