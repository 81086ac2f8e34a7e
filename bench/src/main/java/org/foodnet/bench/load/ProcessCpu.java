package org.foodnet.bench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CPU time (user + system) of processes and all their descendants, read from Linux's {@code /proc/<pid>/stat}, so a
 * load run can say what each request cost the service and PostgreSQL (whose server processes are children of the
 * postmaster). Descendants that ended count through their parent's "children" fields (cutime, cstime) once waited for.
 */
final class ProcessCpu {

    /** Clock ticks per second of /proc's times: 100 on every Linux architecture this runs on (USER_HZ). */
    static final long TICKS_PER_SECOND = 100;

    private final Path proc;

    ProcessCpu(Path proc) {
        this.proc = proc;
    }

    static ProcessCpu linux() {
        return new ProcessCpu(Path.of("/proc"));
    }

    boolean available() {
        return Files.isReadable(proc.resolve("self/stat"));
    }

    /** CPU milliseconds of {@code pid} and its descendants (their own time and their waited-for children's). */
    long millis(long pid) throws IOException {
        Map<Long, Stat> all = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc)) {
            for (Path dir : dirs) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    Stat s = parse(Files.readString(dir.resolve("stat")));
                    all.put(Long.parseLong(name), s);
                } catch (IOException | RuntimeException e) {
                    // the process ended while we looked
                }
            }
        }
        if (!all.containsKey(pid)) {
            throw new IOException("no process " + pid);
        }
        Set<Long> tree = new HashSet<>(List.of(pid));
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Map.Entry<Long, Stat> e : all.entrySet()) {
                if (!tree.contains(e.getKey()) && tree.contains(e.getValue().parent())) {
                    tree.add(e.getKey());
                    grew = true;
                }
            }
        }
        long ticks = 0;
        for (long p : tree) {
            ticks += all.get(p).ticks();
        }
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    /** Fields of /proc/<pid>/stat: after the command name in parentheses (which may hold spaces and parentheses). */
    record Stat(long parent, long ticks) {
    }

    static Stat parse(String stat) {
        String rest = stat.substring(stat.lastIndexOf(')') + 2);
        List<String> f = new ArrayList<>(List.of(rest.trim().split(" ")));
        // rest starts at field 3 (state): ppid is field 4, utime 14, stime 15, cutime 16, cstime 17
        long ticks = Long.parseLong(f.get(11)) + Long.parseLong(f.get(12)) + Long.parseLong(f.get(13)) + Long.parseLong(f.get(14));
        return new Stat(Long.parseLong(f.get(1)), ticks);
    }
}
