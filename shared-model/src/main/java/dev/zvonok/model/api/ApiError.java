package dev.zvonok.model.api;

/** The body of every 4xx/5xx answer of the REST API. */
public record ApiError(String code, String message) {
}
