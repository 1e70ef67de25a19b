package dev.retort.demo;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Hands a new job to the first idle worker, or queues it when none is idle. */
@Service
public class JobDispatcher {

    private final WorkerRepository workers;
    private final JobRepository jobs;

    public JobDispatcher(WorkerRepository workers, JobRepository jobs) {
        this.workers = workers;
        this.jobs = jobs;
    }

    @Transactional
    public Job submit(JobType type, int priority) {
        Worker worker = workers.findFirstByStatusOrderByIdAsc(WorkerStatus.idle).orElse(null);
        if (worker != null) {
            worker.setStatus(WorkerStatus.busy);
        }
        return jobs.save(new Job(type, priority, worker));
    }
}
