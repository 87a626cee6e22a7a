package dev.zvonok.model.admin;

import java.util.List;

/**
 * {@code POST /api/admin/dealers}, {@code PUT /api/admin/dealers/{id}}. On a PUT, {@code phones} left out (null) stay
 * as they are.
 *
 * @param companyId the dealer's company; null for an independent dealer
 */
public record DealerRequest(String name, Long companyId, String city, String comment, List<AdminPhone> phones) {
}
