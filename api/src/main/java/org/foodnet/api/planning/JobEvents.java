package org.foodnet.api.planning;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.foodnet.api.network.NetworkService;
import org.foodnet.api.web.Problem;
import org.foodnet.data.job.SolveJobRepository;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Events of solve jobs. The job's state is read from PostgreSQL (where the solver writes it), so a
 * stream works for any job, whichever thread or instance solves it. At most 100 streams at a time.
 */
@Component
class JobEvents implements DisposableBean {

    private static final int MAX_STREAMS = 100;
    private static final Duration TIMEOUT = Duration.ofMinutes(65);

    /** What a stream last sent. */
    private static final class Stream {
        final SseEmitter emitter;
        String last;

        Stream(SseEmitter emitter) {
            this.emitter = emitter;
        }
    }

    private final SolveJobRepository jobs;
    private final NetworkService network;
    private final Map<SseEmitter, Long> streams = new ConcurrentHashMap<>();
    private final Map<SseEmitter, Stream> state = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "job-events");
        t.setDaemon(true);
        return t;
    });

    JobEvents(SolveJobRepository jobs, NetworkService network) {
        this.jobs = jobs;
        this.network = network;
        poller.scheduleWithFixedDelay(this::poll, 500, 500, TimeUnit.MILLISECONDS);
    }

    SseEmitter follow(long jobId) {
        if (streams.size() >= MAX_STREAMS) {
            throw new Problem(HttpStatus.SERVICE_UNAVAILABLE, "too many event streams open; poll GET /api/jobs/" + jobId);
        }
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        streams.put(emitter, jobId);
        state.put(emitter, new Stream(emitter));
        emitter.onCompletion(() -> forget(emitter));
        emitter.onTimeout(() -> forget(emitter));
        emitter.onError(e -> forget(emitter));
        poller.execute(() -> send(emitter, jobId));
        return emitter;
    }

    private void poll() {
        streams.forEach((emitter, jobId) -> send(emitter, jobId));
    }

    private void send(SseEmitter emitter, long jobId) {
        Stream stream = state.get(emitter);
        if (stream == null) {
            return;
        }
        try {
            JobView job = jobs.find(jobId).map(j -> JobView.of(j, network.zone())).orElse(null);
            if (job == null) {
                emitter.complete();
                forget(emitter);
                return;
            }
            String key = job.status() + "|" + job.bestScore() + "|" + Math.round(job.progress() * 100);
            if (!key.equals(stream.last)) {
                stream.last = key;
                emitter.send(SseEmitter.event().name("progress").id(key)
                        .data(Map.of("jobId", job.id(), "planId", job.planId(), "status", job.status(),
                                "progress", job.progress(), "bestScore", job.bestScore() == null ? "" : job.bestScore(),
                                "feasible", job.feasible()), MediaType.APPLICATION_JSON));
            }
            if (job.ended()) {
                emitter.send(SseEmitter.event().name("end").data(Map.of("jobId", job.id(), "status", job.status()),
                        MediaType.APPLICATION_JSON));
                emitter.complete();
                forget(emitter);
            }
        } catch (IOException | IllegalStateException e) {
            forget(emitter);
        } catch (RuntimeException e) {
            emitter.completeWithError(e);
            forget(emitter);
        }
    }

    private void forget(SseEmitter emitter) {
        streams.remove(emitter);
        state.remove(emitter);
    }

    @Override
    public void destroy() {
        poller.shutdownNow();
        streams.keySet().forEach(SseEmitter::complete);
    }
}
