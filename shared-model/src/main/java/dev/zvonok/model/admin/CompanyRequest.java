package dev.zvonok.model.admin;

import java.util.List;

/**
 * {@code POST /api/admin/companies}, {@code PUT /api/admin/companies/{id}}. On a PUT, {@code phones} left out (null)
 * stay as they are.
 */
public record CompanyRequest(String name, String inn, String city, String comment, List<AdminPhone> phones) {
}
