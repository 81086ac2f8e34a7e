package org.foodnet.data;

import java.nio.file.Path;

import org.foodnet.data.network.NetworkRepository;

/**
 * Run in a child JVM by {@link DatabaseTest}: opens the embedded database on a directory, writes a network,
 * then dies without any shutdown (as a SIGKILL would), leaving its PostgreSQL running.
 */
public final class KilledWriter {

    public static void main(String[] args) {
        Database database = Database.open(DatabaseSettings.embedded(Path.of(args[0])));
        new NetworkRepository(database.dsl()).store("before-crash", TestNetworks.rich());
        System.out.println("written");
        System.out.flush();
        Runtime.getRuntime().halt(0);
    }
}
