package dev.zvonok.server.board;

import dev.zvonok.model.board.BoardQueue;
import java.util.List;

/**
 * The seam through which the queue side shows the PBX's queues on the board: each queue's waiting callers, longest
 * wait and members (with {@link dev.zvonok.model.board.QueueMember#userId()} matched to operators: the board shows a
 * supervisor the queues their operators are members of). The board asks {@link #queues()} on its own thread after
 * being told of a change, at most once per coalescing window; {@link BoardQueue#counters()} may be null, the board
 * fills it in from {@link TodayCountersSource}. Until the queue side lands, {@link #NONE}.
 */
public interface QueueSource {

    /** Every queue now, in the order the board shows them. Must be quick: a copy of what is held in memory. */
    List<BoardQueue> queues();

    /** {@code listener} is to be run (on any thread; it only raises a flag) whenever a queue changed. */
    void onChange(Runnable listener);

    /** No queues. */
    QueueSource NONE = new QueueSource() {
        @Override
        public List<BoardQueue> queues() {
            return List.of();
        }

        @Override
        public void onChange(Runnable listener) {
        }
    };
}
