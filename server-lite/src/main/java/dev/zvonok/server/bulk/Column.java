package dev.zvonok.server.bulk;

import java.util.List;
import java.util.Locale;

/**
 * A column of an import or export file: its name as the export writes it and the other names an import accepts for
 * it (Russian ones among them), compared case-insensitively.
 */
record Column(String name, List<String> aliases) {

    static final Column LOGIN = new Column("login", List.of("логин", "user", "username"));
    static final Column NAME = new Column("name",
            List.of("имя", "фио", "название", "наименование", "display name", "displayname"));
    static final Column ROLE = new Column("role", List.of("роль"));
    static final Column CITY = new Column("city", List.of("город"));
    static final Column TEAMS = new Column("teams", List.of("team", "команды", "команда", "группы", "группа"));
    static final Column PHONES = new Column("phones",
            List.of("phone", "numbers", "number", "телефоны", "телефон", "номера", "номер"));
    static final Column PASSWORD = new Column("password", List.of("пароль"));
    static final Column INN = new Column("inn", List.of("инн"));
    static final Column COMMENT = new Column("comment", List.of("comments", "комментарий", "примечание", "заметки"));
    static final Column LINE_NUMBER = new Column("number",
            List.of("номер", "номер линии", "линия", "line", "did", "телефон", "phone", "queue name"));
    static final Column KIND = new Column("kind", List.of("type", "тип", "вид"));
    static final Column SOURCE = new Column("source", List.of("rk", "рк", "источник", "рекламная кампания",
            "кампания", "campaign", "utm_source"));
    static final Column COMPANY = new Column("company", List.of("компания", "организация"));

    boolean isNamed(String headerCell) {
        String wanted = key(headerCell);
        return key(name).equals(wanted) || aliases.stream().anyMatch(alias -> key(alias).equals(wanted));
    }

    /** "  Телефоны: " and "телефоны" are one column; so are "Город*" and "город", "Ё" and "Е". */
    static String key(String headerCell) {
        String key = headerCell.strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceAll("\\s+", " ");
        while (!key.isEmpty() && ":*".indexOf(key.charAt(key.length() - 1)) >= 0) {
            key = key.substring(0, key.length() - 1).strip();
        }
        return key;
    }
}
