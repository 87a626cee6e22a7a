package dev.zvonok.app.board;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.zvonok.app.server.WireJson;
import dev.zvonok.model.board.BoardCall;
import dev.zvonok.model.board.BoardCallState;
import dev.zvonok.model.board.BoardChange;
import dev.zvonok.model.board.BoardOperator;
import dev.zvonok.model.board.BoardQueue;
import dev.zvonok.model.board.BoardSnapshot;
import dev.zvonok.model.board.MemberState;
import dev.zvonok.model.board.OperatorState;
import dev.zvonok.model.board.QueueMember;
import dev.zvonok.model.board.WaitingCaller;
import dev.zvonok.model.call.CallDirection;
import dev.zvonok.model.directory.CallerKind;
import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.model.stats.InboundCounters;
import dev.zvonok.model.ws.ServerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Boards as the server sends them, for the board's tests: every message goes through the wire's JSON and back, so the
 * tests feed what the app really reads.
 */
public final class Boards {

    public static final ZoneId ZONE = ZoneId.of("Europe/Moscow");
    public static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final ObjectMapper JSON = WireJson.mapper();

    private Boards() {
    }

    public static ServerMessage wire(ServerMessage message) {
        try {
            return JSON.readValue(JSON.writeValueAsString(message), ServerMessage.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ServerMessage snapshot(long version, List<BoardOperator> operators, List<BoardQueue> queues,
                                         InboundCounters counters) {
        return wire(new ServerMessage.Board("subscribe-board-1",
                new BoardSnapshot(version, T0, T0.minusSeconds(9 * 3600), operators, queues, counters)));
    }

    public static ServerMessage change(long base, long version, List<BoardOperator> operators, List<Long> gone) {
        return wire(new ServerMessage.BoardChanged(new BoardChange(base, version, T0, operators, List.of(), gone,
                List.of(), List.of(), List.of(), null, null)));
    }

    public static ServerMessage queuesChanged(long base, long version, List<BoardQueue> queues, List<String> gone,
                                              InboundCounters counters) {
        return wire(new ServerMessage.BoardChanged(new BoardChange(base, version, T0, List.of(), List.of(), List.of(),
                queues, List.of(), gone, counters, null)));
    }

    public static BoardOperator operator(long id, String name, String extension, String team, OperatorState state,
                                         Instant since, BoardCall... calls) {
        return new BoardOperator(id, name, List.of(extension), team == null ? List.of() : List.of(team), state, since,
                state == OperatorState.BREAK ? "lunch" : null, List.of(calls), 0);
    }

    public static BoardCall call(String id, String number, String callerName, String line, BoardCallState state,
                                 Instant since) {
        return new BoardCall(id, CallDirection.INBOUND, number,
                callerName == null ? CallerView.UNKNOWN : new CallerView(CallerKind.COMPANY, callerName, null),
                line == null ? null : new LineView(line, "did"), "sales", null, state, since);
    }

    public static BoardQueue queue(String name, List<WaitingCaller> waiting, int freeMembers, int busyMembers) {
        List<QueueMember> members = new ArrayList<>();
        for (int i = 0; i < freeMembers; i++) {
            members.add(new QueueMember("PJSIP/70" + i, (long) i, "free " + i, MemberState.NOT_IN_USE, false, null));
        }
        for (int i = 0; i < busyMembers; i++) {
            members.add(new QueueMember("PJSIP/80" + i, null, "busy " + i, MemberState.IN_USE, false, null));
        }
        long longest = waiting.stream().mapToLong(w -> T0.getEpochSecond() - w.since().getEpochSecond()).max()
                .orElse(0);
        return new BoardQueue(name, waiting, Math.max(0, longest), members, counters(10, 8, 1, 1));
    }

    public static WaitingCaller waiting(String callId, String number, Instant since, int position) {
        return new WaitingCaller(callId, number, CallerView.UNKNOWN, since, position);
    }

    public static InboundCounters counters(long total, long answered, long missed, long abandoned) {
        return new InboundCounters(total, answered, missed, abandoned, 0, 0,
                total == 0 ? null : (double) answered / total, total == 0 ? null : (double) abandoned / total, 12.5, 185.0,
                0.8, 20, 95);
    }

    /** A morning of a small call centre: two teams, every state, two queues with callers waiting. */
    public static ServerMessage demoSnapshot() {
        List<BoardOperator> operators = List.of(
                operator(1, "Анна Смирнова", "701", "Продажи", OperatorState.TALKING, T0.minusSeconds(185),
                        call("c-1", "+74951234567", "ООО «Ромашка»", "Основная линия", BoardCallState.TALKING,
                                T0.minusSeconds(185))),
                operator(2, "Борис Иванов", "702", "Продажи", OperatorState.RINGING, T0.minusSeconds(6),
                        call("c-2", "+79161234567", null, "Реклама", BoardCallState.RINGING, T0.minusSeconds(6))),
                operator(3, "Вера Петрова", "703", "Продажи", OperatorState.AVAILABLE, T0.minusSeconds(42)),
                operator(4, "Глеб Орлов", "704", "Сервис", OperatorState.WRAPUP, T0.minusSeconds(250)),
                operator(5, "Дарья Котова", "705", "Сервис", OperatorState.BREAK, T0.minusSeconds(740)),
                operator(6, "Егор Волков", "706", "Сервис", OperatorState.HOLD, T0.minusSeconds(70),
                        call("c-3", "+74997654321", "ИП Кузнецов", "Сервис", BoardCallState.HOLD,
                                T0.minusSeconds(70))),
                operator(7, "Жанна Лебедева", "707", "Сервис", OperatorState.AVAILABLE, T0.minusSeconds(15)),
                operator(8, "Захар Морозов", "708", null, OperatorState.OFFLINE, T0.minusSeconds(7200)));
        List<BoardQueue> queues = List.of(
                queue("Продажи", List.of(waiting("w-1", "+74950000001", T0.minusSeconds(75), 1),
                        waiting("w-2", "+79030000002", T0.minusSeconds(31), 2),
                        waiting("w-3", "+79260000003", T0.minusSeconds(4), 3)), 1, 2),
                queue("Сервис", List.of(waiting("w-4", "+74950000004", T0.minusSeconds(12), 1)), 1, 2),
                queue("VIP", List.of(), 2, 0));
        return snapshot(42, operators, queues, new InboundCounters(148, 131, 9, 8, 0, 0, 131.0 / 148, 8.0 / 148,
                14.2, 196.0, 0.83, 20, 142));
    }
}
