package org.foodnet.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * {@code ./foodnet backup --out FILE} and {@code ./foodnet restore FILE} for the embedded PostgreSQL (its binaries
 * have no {@code pg_dump}): PostgreSQL's low-level base backup. {@code pg_backup_start} (as the superuser, whose
 * password is in the data directory), a copy of the data directory into a zip file (without the files PostgreSQL's
 * manual says to leave out), {@code pg_backup_stop}, whose backup label goes into the zip, and then the WAL written
 * meanwhile ({@code pg_wal}), so the copy can be made consistent. It works while the service runs (the backup then
 * connects to its PostgreSQL, port from {@code postmaster.pid}); with the service stopped it starts PostgreSQL on
 * the directory for the time of the backup.
 * <p>
 * A restore unpacks the zip into the data directory (which must not exist or be empty; an existing one is kept
 * beside it as {@code DIR.before-restore-<time>}); the next start of the service (or of {@code ./foodnet db})
 * replays the WAL from the backup label to the end of the backup, and goes on from there with the data as it was
 * when the backup ended. Passwords (the two password files) come back with the data.
 */
public final class Backup {

    /** Left out of the copy, as PostgreSQL's manual says ("Making a Base Backup Using the Low Level API"). */
    private static final Set<String> SKIPPED_FILES = Set.of("postmaster.pid", "postmaster.opts", "epg-lock",
            "backup_label", "tablespace_map", "backup_label.old");
    /** Directories copied empty. */
    private static final Set<String> EMPTY_DIRECTORIES = Set.of("pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify",
            "pg_serial", "pg_snapshots", "pg_stat_tmp", "pg_subtrans");

    private Backup() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length > 0 ? args[0] : "help";
        Path dataDir = null;
        Path file = null;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--data-dir" -> dataDir = Path.of(args[++i]);
                case "--out" -> file = Path.of(args[++i]);
                default -> {
                    if (args[i].startsWith("-") || file != null) {
                        System.err.println("foodnet " + command + ": unknown option " + args[i]);
                        System.exit(2);
                    }
                    file = Path.of(args[i]);
                }
            }
        }
        if (dataDir == null) {
            String configured = System.getenv(DatabaseSettings.DATA_DIR);
            dataDir = configured == null || configured.isBlank() ? DatabaseSettings.defaultDataDirectory() : Path.of(configured);
        }
        if (file == null || !List.of("backup", "restore").contains(command)) {
            System.err.println("usage: ./foodnet backup --out FILE [--data-dir DIR]\n       ./foodnet restore FILE [--data-dir DIR]"
                    + "\n  DIR: the embedded PostgreSQL's data directory (default $FOODNET_DATA_DIR or ~/.foodnet/pgdata)");
            System.exit(2);
        }
        if (command.equals("backup")) {
            backup(dataDir, file);
            System.out.println("foodnet backup: " + dataDir + " -> " + file + " (" + Files.size(file) + " bytes)");
        } else {
            Path kept = restore(file, dataDir);
            System.out.println("foodnet restore: " + file + " -> " + dataDir
                    + (kept == null ? "" : " (the directory there before is kept as " + kept + ")")
                    + "; start the service (or ./foodnet db) on it to finish the restore");
        }
    }

    /** A base backup of the cluster in {@code dataDir} into the zip file {@code out} (the service may be running). */
    public static void backup(Path dataDir, Path out) throws IOException, SQLException {
        if (!Files.exists(dataDir.resolve("postgresql.conf"))) {
            throw new NoSuchFileException(dataDir + " holds no PostgreSQL data directory");
        }
        Integer port = runningPort(dataDir);
        if (port != null) {
            backup(dataDir, out, port);
            return;
        }
        try (EmbeddedServer server = EmbeddedServer.start(dataDir, true)) {
            backup(dataDir, out, server.port());
        }
    }

    private static void backup(Path dataDir, Path out, int port) throws IOException, SQLException {
        String password = PasswordFile.read(dataDir.resolve(EmbeddedServer.SUPERUSER_PASSWORD_FILE));
        Path partial = out.resolveSibling(out.getFileName() + ".partial");
        try (Connection c = EmbeddedServer.connect(port, EmbeddedServer.SUPERUSER, password, "postgres");
             Statement s = c.createStatement();
             OutputStream file = Files.newOutputStream(partial);
             ZipOutputStream zip = new ZipOutputStream(file)) {
            // the session must stay open from start to stop (a non-exclusive backup)
            // a temporary slot keeps the WAL from here on until the copy of pg_wal (dropped with the session)
            s.execute("SELECT pg_create_physical_replication_slot('foodnet_backup_' || pg_backend_pid(), true, true)");
            s.execute("SELECT pg_backup_start('foodnet backup', true)");
            copyTree(dataDir, dataDir, zip, false);
            String label;
            String map;
            try (ResultSet r = s.executeQuery("SELECT labelfile, spcmapfile FROM pg_backup_stop(false)")) {
                r.next();
                label = r.getString(1);
                map = r.getString(2);
            }
            s.execute("SELECT pg_switch_wal()");   // the WAL up to the backup's end is in closed segments now
            add(zip, "backup_label", label.getBytes(StandardCharsets.UTF_8));
            if (map != null && !map.isEmpty()) {
                add(zip, "tablespace_map", map.getBytes(StandardCharsets.UTF_8));
            }
            copyTree(dataDir, dataDir.resolve("pg_wal"), zip, true);
        }
        Files.move(partial, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The port of a PostgreSQL running on the directory, or null. */
    private static Integer runningPort(Path dataDir) throws IOException {
        Path pid = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return null;
        }
        List<String> lines = Files.readAllLines(pid);
        try {
            long p = Long.parseLong(lines.get(0).trim());
            if (ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false) && lines.size() > 3) {
                return Integer.parseInt(lines.get(3).trim());
            }
        } catch (RuntimeException e) {
            // a damaged pid file: not running
        }
        return null;
    }

    private static void copyTree(Path root, Path from, ZipOutputStream zip, boolean wal) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(from)) {
            paths = walk.sorted().toList();
        }
        for (Path p : paths) {
            String name = root.relativize(p).toString().replace('\\', '/');
            if (name.isEmpty()) {
                continue;
            }
            String top = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
            if (!wal && EMPTY_DIRECTORIES.contains(top) && !name.equals(top)) {
                continue;   // the directory itself is kept, its content not (pg_wal comes after the stop)
            }
            if (SKIPPED_FILES.contains(name) || p.getFileName().toString().startsWith("pgsql_tmp")
                    || name.endsWith(".partial") && wal) {
                continue;
            }
            if (Files.isDirectory(p)) {
                if (!wal || !name.equals("pg_wal")) {
                    zip.putNextEntry(new ZipEntry(name + "/"));
                    zip.closeEntry();
                }
                continue;
            }
            byte[] content;
            try {
                content = Files.readAllBytes(p);
            } catch (NoSuchFileException e) {
                continue;   // removed while copying (PostgreSQL's own temporary files): the WAL has what matters
            }
            add(zip, name, content);
        }
    }

    private static void add(ZipOutputStream zip, String name, byte[] content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content);
        zip.closeEntry();
    }

    /**
     * Unpacks a backup into {@code dataDir}; an existing non-empty directory is first moved aside (returned), a
     * running PostgreSQL on it is refused. Directories get mode 0700, files 0600, as PostgreSQL wants.
     */
    public static Path restore(Path backup, Path dataDir) throws IOException {
        if (!Files.isRegularFile(backup)) {
            throw new NoSuchFileException(backup.toString());
        }
        if (runningPort(dataDir) != null) {
            throw new IllegalStateException("PostgreSQL is running on " + dataDir + ": stop the service first");
        }
        Path kept = null;
        if (Files.isDirectory(dataDir)) {
            try (Stream<Path> any = Files.list(dataDir)) {
                if (any.findAny().isPresent()) {
                    kept = dataDir.resolveSibling(dataDir.getFileName() + ".before-restore-"
                            + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
                    Files.move(dataDir, kept);
                }
            }
        }
        Files.createDirectories(dataDir);
        owner(dataDir, true);
        boolean labelled = false;
        try (InputStream in = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                Path target = dataDir.resolve(e.getName()).normalize();
                if (!target.startsWith(dataDir.normalize())) {
                    throw new IOException("unsafe entry in the backup: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                    owner(target, true);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                    owner(target, false);
                    labelled |= e.getName().equals("backup_label");
                }
            }
        } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
            throw new IOException("the backup holds a file twice: " + e.getMessage(), e);
        }
        if (!labelled || !Files.exists(dataDir.resolve("postgresql.conf"))) {
            throw new IOException(backup + " is not a Foodnet backup (no backup_label or postgresql.conf)");
        }
        return kept;
    }

    private static void owner(Path p, boolean directory) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(directory ? "rwx------" : "rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to set
        }
    }
}
