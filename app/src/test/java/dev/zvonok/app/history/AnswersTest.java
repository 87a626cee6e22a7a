package dev.zvonok.app.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A source that throws or answers nothing is a failed answer, never an exception in the screen's code. */
class AnswersTest {

    @Test
    void theSourcesOwnAnswerAsItIs() {
        CompletableFuture<String> answer = new CompletableFuture<>();

        assertThat(Answers.of(() -> answer, "the source")).isSameAs(answer);
    }

    @Test
    void aSourceThatThrowsIsAFailedAnswer() {
        IllegalStateException broken = new IllegalStateException("not connected");

        CompletableFuture<String> answer = Answers.of(() -> {
            throw broken;
        }, "the source");

        assertThat(answer).isCompletedExceptionally();
        assertThat(answer.exceptionNow()).isSameAs(broken);
    }

    @Test
    void aSourceThatAnswersNothingIsAFailedAnswerThatSaysWho() {
        CompletableFuture<Void> answer = Answers.of(() -> null, "the dialer");

        assertThat(answer).isCompletedExceptionally();
        assertThat(answer.exceptionNow()).isInstanceOf(NullPointerException.class)
                .hasMessage("the dialer returned no future");
    }
}
