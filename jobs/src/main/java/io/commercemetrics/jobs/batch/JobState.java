package io.commercemetrics.jobs.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.springframework.batch.core.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.item.ExecutionContext;

/**
 * What a job's steps hand to each other, kept in the job's {@link ExecutionContext} in the job
 * repository rather than in bean fields: a later step, or the same job restarted in another
 * process after a failure or a kill, finds there everything the completed steps established.
 * Values are stored as JSON text, so the repository holds plain strings whatever the type.
 */
public final class JobState {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final JobExecution execution;
    private final JobRepository repository;

    JobState(JobExecution execution, JobRepository repository) {
        this.execution = execution;
        this.repository = repository;
    }

    /** Reads an execution's state (jobs show, a command that found a run already done); never saved. */
    public static JobState of(JobExecution execution) {
        return new JobState(execution, null);
    }

    public long executionId() {
        return execution.getId();
    }

    public boolean has(String key) {
        return execution.getExecutionContext().containsKey(key);
    }

    public String getString(String key) {
        return find(key, String.class).orElseThrow(() -> missing(key));
    }

    public <T> T get(String key, Class<T> type) {
        return find(key, type).orElseThrow(() -> missing(key));
    }

    public <T> T get(String key, TypeReference<T> type) {
        return find(key, type).orElseThrow(() -> missing(key));
    }

    public <T> Optional<T> find(String key, Class<T> type) {
        String json = execution.getExecutionContext().getString(key, null);
        try {
            return json == null ? Optional.empty() : Optional.of(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job state " + key + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    public <T> Optional<T> find(String key, TypeReference<T> type) {
        String json = execution.getExecutionContext().getString(key, null);
        try {
            return json == null ? Optional.empty() : Optional.of(JSON.readValue(json, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job state " + key + " cannot be read: " + e.getOriginalMessage(), e);
        }
    }

    /** Sets a value; it reaches the repository with {@link #save()} (every step's end saves). */
    public void put(String key, Object value) {
        try {
            execution.getExecutionContext().putString(key, JSON.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("job state " + key + " cannot be written: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the job's context to the repository now, so a kill after this point loses none of it. */
    public void save() {
        if (repository == null) {
            throw new IllegalStateException("job state read for display cannot be saved");
        }
        repository.updateExecutionContext(execution);
    }

    private IllegalStateException missing(String key) {
        return new IllegalStateException("job execution " + execution.getId() + " has no " + key
                + " in its context: the step that sets it has not completed");
    }
}
