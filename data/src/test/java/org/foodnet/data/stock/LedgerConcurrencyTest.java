package org.foodnet.data.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.foodnet.data.ConstraintViolation;
import org.foodnet.data.TestDatabase;
import org.foodnet.data.TestNetworks;
import org.foodnet.data.network.NetworkRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 8 threads x 500 ledger operations (log, transfer, deliver, correct, plus retries of operations already sent)
 * on the same three lots at the same sites. Afterwards, for every lot: stock = logged - delivered - discarded
 * +/- corrections, by the client's own count of accepted operations and by the ledger; no stock below zero;
 * every accepted operation is in the ledger exactly once and no refused one is.
 */
class LedgerConcurrencyTest {

    private static final int THREADS = 8;
    private static final int OPERATIONS = 500;
    private static final String REGION = "busy";
    private static final List<String> LOTS = List.of("lot-0003", "lot-0004", "lot-0005");
    private static final List<String> STORES = List.of("hub", "depot-kurayoshi", "depot-yonago");
    private static final List<String> RECIPIENTS = List.of("caf-001", "mcf-001", "reh-001", "shl-001", "oth-001");

    private static TestDatabase db;

    @BeforeAll
    static void start() {
        db = TestDatabase.start();
        new NetworkRepository(db.dsl()).store(REGION, TestNetworks.rich());
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** What the clients saw accepted: every operation id with the change it made per lot and site. */
    private record Accepted(String operationId, String lotId, Map<String, Long> deltaBySite) {
    }

    @Test
    void concurrentWritersNeverLoseDoubleCountOrOverdrawFood() throws Exception {
        Ledger ledger = new Ledger(db.dsl());
        Map<String, Long> before = new HashMap<>();
        for (String lot : LOTS) {
            before.put(lot, total(ledger.whereIs(REGION, lot)));
        }
        List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
        Set<String> refused = ConcurrentHashMap.newKeySet();
        Map<String, Integer> replays = new ConcurrentHashMap<>();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            workers.add(pool.submit(() -> {
                go.await();
                work(ledger, thread, accepted, refused, replays);
                return null;
            }));
        }
        long started = System.nanoTime();
        go.countDown();
        for (Future<?> worker : workers) {
            worker.get(5, TimeUnit.MINUTES);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        pool.shutdown();
        System.out.printf("[concurrency] %d threads x %d ledger operations: %d accepted, %d refused (not enough stock), "
                        + "%d retries replayed, in %d ms%n", THREADS, OPERATIONS, accepted.size(), refused.size(),
                replays.size(), took.toMillis());

        // every operation was either accepted or refused, none lost
        assertThat(accepted.size() + refused.size()).isEqualTo(THREADS * OPERATIONS);
        for (String lot : LOTS) {
            long clientSum = accepted.stream().filter(a -> a.lotId().equals(lot))
                    .flatMap(a -> a.deltaBySite().values().stream()).mapToLong(Long::longValue).sum();
            List<LedgerEntry> entries = ledger.entriesOf(REGION, lot);
            long logged = sum(entries, EntryKind.LOGGED);
            long delivered = sum(entries, EntryKind.DELIVERED);
            long discarded = sum(entries, EntryKind.DISCARDED);
            long corrections = entries.stream().filter(e -> e.kind() == EntryKind.CORRECTED)
                    .mapToLong(e -> e.toSiteId() != null ? e.grams() : -e.grams()).sum();
            long stock = total(ledger.whereIs(REGION, lot));

            assertThat(stock).as("stock of %s = logged - delivered - discarded +/- corrections", lot)
                    .isEqualTo(logged - delivered - discarded + corrections)
                    .isEqualTo(before.get(lot) + clientSum);
            // per site: the stock table equals the ledger's sum
            Map<String, Long> fromLedger = new HashMap<>();
            for (LedgerEntry e : entries) {
                for (String site : STORES) {
                    fromLedger.merge(site, e.deltaAt(site), Long::sum);
                }
            }
            fromLedger.values().removeIf(v -> v == 0);
            assertThat(ledger.whereIs(REGION, lot)).isEqualTo(fromLedger);
        }
        // no stock below zero anywhere
        assertThat(db.dsl().select(org.jooq.impl.DSL.min(field(name("grams"), Long.class))).from("stock").fetchSingle().value1())
                .isGreaterThanOrEqualTo(0L);
        // each accepted operation exactly once in the ledger, no refused one
        Map<String, Long> rowsPerOperation = db.dsl().select(field(name("operation_id"), String.class))
                .from("stock_movement").fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), Collectors.counting()));
        assertThat(accepted).allSatisfy(a -> assertThat(rowsPerOperation.get(a.operationId())).isEqualTo(1L));
        assertThat(refused).allSatisfy(id -> assertThat(rowsPerOperation).doesNotContainKey(id));
        assertThat(replays).isNotEmpty();
    }

    private static void work(Ledger ledger, int thread, List<Accepted> accepted, Set<String> refused,
                             Map<String, Integer> replays) {
        Random random = new Random(1000 + thread);
        List<LedgerEntry> mine = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            String lot = LOTS.get(random.nextInt(LOTS.size()));
            String site = STORES.get(random.nextInt(STORES.size()));
            String id = "t" + thread + "-" + i;
            Operation op = Operation.now(id, "thread " + thread);
            int kind = random.nextInt(10);
            try {
                LedgerEntry entry;
                if (kind < 2) {
                    entry = ledger.log(REGION, lot, site, 1 + random.nextInt(5_000), op);
                } else if (kind < 6) {
                    String to = STORES.get((STORES.indexOf(site) + 1 + random.nextInt(STORES.size() - 1)) % STORES.size());
                    entry = ledger.transfer(REGION, lot, site, to, 1 + random.nextInt(4_000), op);
                } else if (kind < 8) {
                    entry = ledger.deliver(REGION, lot, site, RECIPIENTS.get(random.nextInt(RECIPIENTS.size())),
                            1 + random.nextInt(2_000), op);
                } else if (kind < 9 || mine.isEmpty()) {
                    entry = ledger.discard(REGION, lot, site, 1 + random.nextInt(500), "expired", op);
                } else {
                    LedgerEntry earlier = mine.get(random.nextInt(mine.size()));
                    String at = earlier.toSiteId() != null ? earlier.toSiteId() : earlier.fromSiteId();
                    long delta = random.nextBoolean() ? 1 + random.nextInt(300) : -(1 + random.nextInt(300));
                    entry = ledger.correct(REGION, earlier.sequence(), at, delta, "recount", op);
                }
                assertThat(entry.replayed()).isFalse();
                mine.add(entry);
                accepted.add(new Accepted(id, entry.lotId(), deltas(entry)));
                if (random.nextInt(10) == 0) {
                    // the client did not hear back and sends the same operation again
                    LedgerEntry again = retry(ledger, entry, op);
                    assertThat(again.replayed()).isTrue();
                    assertThat(again.sequence()).isEqualTo(entry.sequence());
                    replays.merge(id, 1, Integer::sum);
                }
            } catch (ConstraintViolation e) {
                assertThat(e.constraint()).isEqualTo("stock_not_below_zero");
                refused.add(id);
            }
        }
    }

    private static LedgerEntry retry(Ledger ledger, LedgerEntry entry, Operation op) {
        return switch (entry.kind()) {
            case LOGGED -> ledger.log(REGION, entry.lotId(), entry.toSiteId(), entry.grams(), op);
            case TRANSFERRED -> ledger.transfer(REGION, entry.lotId(), entry.fromSiteId(), entry.toSiteId(), entry.grams(), op);
            case DELIVERED -> ledger.deliver(REGION, entry.lotId(), entry.fromSiteId(), entry.recipientId(), entry.grams(), op);
            case DISCARDED -> ledger.discard(REGION, entry.lotId(), entry.fromSiteId(), entry.grams(), entry.reason(), op);
            case CORRECTED -> ledger.correct(REGION, entry.corrects(), entry.toSiteId() != null ? entry.toSiteId() : entry.fromSiteId(),
                    entry.toSiteId() != null ? entry.grams() : -entry.grams(), entry.reason(), op);
            case PICKED_UP -> throw new IllegalStateException();
        };
    }

    private static Map<String, Long> deltas(LedgerEntry entry) {
        Map<String, Long> deltas = new HashMap<>();
        for (String site : STORES) {
            long delta = entry.deltaAt(site);
            if (delta != 0) {
                deltas.put(site, delta);
            }
        }
        return deltas;
    }

    private static long sum(List<LedgerEntry> entries, EntryKind kind) {
        return entries.stream().filter(e -> e.kind() == kind).mapToLong(LedgerEntry::grams).sum();
    }

    private static long total(Map<String, Long> bySite) {
        return bySite.values().stream().mapToLong(Long::longValue).sum();
    }
}
