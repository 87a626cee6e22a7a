package dev.zvonok.model.api;

/** Where a page sits in a list: pages count from 1. */
public record Pagination(int page, int limit, long total, int totalPages) {
}
