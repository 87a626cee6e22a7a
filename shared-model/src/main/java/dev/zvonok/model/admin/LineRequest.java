package dev.zvonok.model.admin;

/**
 * {@code POST /api/admin/lines}, {@code PUT /api/admin/lines/{id}}.
 *
 * @param kind   {@code did} (an incoming number, in any format) or {@code queue} (the queue's name in the PBX);
 *               {@code did} when left out
 * @param source the advertising source or campaign code ("rk")
 */
public record LineRequest(String kind, String number, String name, String source, String city, String comment) {
}
