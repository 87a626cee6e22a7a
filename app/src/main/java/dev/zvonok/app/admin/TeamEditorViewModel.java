package dev.zvonok.app.admin;

import dev.zvonok.model.admin.SortKey;

import dev.zvonok.model.admin.AdminRules;
import dev.zvonok.model.admin.AdminTeam;
import dev.zvonok.model.admin.AdminUser;
import dev.zvonok.model.admin.TeamRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The team editor: its name, a comment and its members (operators and the supervisors who look after them). */
public final class TeamEditorViewModel extends EntityEditorViewModel<AdminTeam> {

    private final Administration administration;
    private final Executor fxThread;
    private final FormField name = new FormField(text -> TextRules.required(text, 100));
    private final FormField comment = new FormField(text -> TextRules.optional(text, 2000));
    private final ObservableList<AdminTeam.Member> members = FXCollections.observableArrayList();
    private final ObservableList<AdminTeam.Member> choices = FXCollections.observableArrayList();

    public TeamEditorViewModel(Administration administration, Executor fxThread, Consumer<AdminTeam> saved,
                               Runnable deleted) {
        super(fxThread, saved, deleted);
        this.administration = Objects.requireNonNull(administration, "administration");
        this.fxThread = fxThread;
        watch(members);
        watchFields();
    }

    /** The users to choose from, by name, as the server has them now (the tab was opened again). */
    public CompletableFuture<Void> refreshChoices() {
        return administration.users(new UserQuery("", null, null, 1, AdminRules.MAX_PAGE_SIZE,
                Sort.ascending(SortKey.USER_NAME))).thenAcceptAsync(page -> {
                    List<AdminTeam.Member> found = new ArrayList<>(page.data().stream()
                            .map(TeamEditorViewModel::member).toList());
                    members.stream().filter(m -> found.stream().noneMatch(c -> c.id() == m.id()))
                            .forEach(found::add);
                    choices.setAll(found);
                }, fxThread);
    }

    private static AdminTeam.Member member(AdminUser user) {
        return new AdminTeam.Member(user.id(), user.login(), user.name(), user.role(), user.active());
    }

    @Override
    protected void fill(AdminTeam existing) {
        name.reset(existing == null ? "" : existing.name());
        comment.reset(existing == null ? "" : existing.comment());
        List<AdminTeam.Member> now = existing == null ? List.of() : existing.members();
        now.stream().filter(m -> choices.stream().noneMatch(c -> c.id() == m.id())).forEach(choices::add);
        members.setAll(now.stream()
                .map(m -> choices.stream().filter(c -> c.id() == m.id()).findFirst().orElse(m)).toList());
    }

    @Override
    protected List<FormField> fields() {
        return List.of(name, comment);
    }

    @Override
    protected Object snapshot() {
        return List.of(name.text(), comment.text(), ids());
    }

    private List<Long> ids() {
        return members.stream().map(AdminTeam.Member::id).sorted().toList();
    }

    @Override
    protected FormField fieldOf(String field) {
        return switch (field) {
            case "name" -> name;
            case "comment" -> comment;
            default -> null;
        };
    }

    @Override
    protected CompletableFuture<AdminTeam> send(AdminTeam existing) {
        TeamRequest request = new TeamRequest(name.text(), TextRules.orNull(comment), ids());
        return existing == null ? administration.create(Editable.TEAMS, request)
                : administration.update(Editable.TEAMS, existing.id(), request);
    }

    @Override
    protected CompletableFuture<Void> sendDelete(AdminTeam existing) {
        return administration.delete(Editable.TEAMS, existing.id());
    }

    public FormField name() {
        return name;
    }

    public FormField comment() {
        return comment;
    }

    /** The team's members: the admin checks and unchecks them among {@link #choices()}. */
    public ObservableList<AdminTeam.Member> members() {
        return members;
    }

    /** Everybody who may be in the team. */
    public ObservableList<AdminTeam.Member> choices() {
        return choices;
    }
}
