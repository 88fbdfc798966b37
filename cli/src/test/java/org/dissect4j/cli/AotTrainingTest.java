package org.dissect4j.cli;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

/** The launcher's AOT training run: every command line of it must succeed on the sample (a failing one would leave classes out of the cache). */
class AotTrainingTest {
    @Test
    void everyTrainingCommandSucceeds() {
        assertThatCode(() -> AotTraining.main(new String[] {Cli.SAMPLE.toString()})).doesNotThrowAnyException();
    }
}
