package org.foodnet.api.planning;

import org.foodnet.api.network.NetworkService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Solve jobs: poll, follow as Server-Sent Events, stop early, resume an interrupted one. */
@RestController
@RequestMapping("/api/jobs")
class JobController {

    private final PlanService service;
    private final JobEvents events;
    private final NetworkService network;

    JobController(PlanService service, JobEvents events, NetworkService network) {
        this.service = service;
        this.events = events;
        this.network = network;
    }

    @GetMapping("/{id}")
    JobView get(@PathVariable long id) {
        return JobView.of(service.job(id), network.zone());
    }

    /** Events "progress" each time the job's status, best score or progress changes, then "end". */
    @GetMapping(value = "/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter events(@PathVariable long id) {
        service.job(id);
        return events.follow(id);
    }

    @PostMapping("/{id}/stop")
    ResponseEntity<JobView> stop(@PathVariable long id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(JobView.of(service.stop(id), network.zone()));
    }

    @PostMapping("/{id}/resume")
    ResponseEntity<PlanController.Accepted> resume(@PathVariable long id) {
        return PlanController.accepted(service.resume(id));
    }
}
