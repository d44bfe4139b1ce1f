package io.pushbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

/** The processes that measure run without Netty's leak detector, unless a level was asked for on the command line. */
class LeakDetectionTest {

    @Test
    void aMeasuringProcessSwitchesTheDetectorOffUnlessALevelWasAsked() {
        String asked = System.getProperty(LeakDetection.LEVEL_PROPERTY);
        ResourceLeakDetector.Level level = ResourceLeakDetector.getLevel();
        try {
            System.setProperty(LeakDetection.LEVEL_PROPERTY, "paranoid");
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);
            LeakDetection.offUnlessAsked();
            assertThat(ResourceLeakDetector.getLevel()).as("a level asked for is kept")
                    .isEqualTo(ResourceLeakDetector.Level.PARANOID);

            System.clearProperty(LeakDetection.LEVEL_PROPERTY);
            LeakDetection.offUnlessAsked();
            assertThat(ResourceLeakDetector.getLevel()).as("none asked for: off")
                    .isEqualTo(ResourceLeakDetector.Level.DISABLED);
        } finally {
            if (asked == null) {
                System.clearProperty(LeakDetection.LEVEL_PROPERTY);
            } else {
                System.setProperty(LeakDetection.LEVEL_PROPERTY, asked);
            }
            ResourceLeakDetector.setLevel(level);
        }
    }
}
