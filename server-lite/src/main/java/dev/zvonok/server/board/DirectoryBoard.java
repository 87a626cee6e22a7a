package dev.zvonok.server.board;

import dev.zvonok.model.directory.CallerView;
import dev.zvonok.model.directory.LineView;
import dev.zvonok.server.directory.Directory;
import dev.zvonok.server.directory.User;
import dev.zvonok.server.tracking.CallInfo;
import java.util.Optional;

/** The board's questions answered by the directory's in-memory index, as the operators' cards answer them. */
final class DirectoryBoard implements BoardDirectory {

    private final Directory directory;

    DirectoryBoard(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<Long> operatorOf(String extension) {
        return directory.operatorFor(extension).map(User::id);
    }

    @Override
    public CallerView caller(String number) {
        return directory.callerView(number);
    }

    @Override
    public LineView line(CallInfo call) {
        return directory.lineOf(call.direction(), call.dialedNumber(), call.queue())
                .map(line -> new LineView(line.name(), line.source())).orElse(null);
    }
}
