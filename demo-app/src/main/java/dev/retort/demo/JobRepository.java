package dev.retort.demo;

import java.util.List;
import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;

/** The jobs. */
public interface JobRepository extends JpaRepository<Job, Long> {

    @EntityGraph(attributePaths = "worker")
    List<Job> findAllByOrderByIdAsc();
}
