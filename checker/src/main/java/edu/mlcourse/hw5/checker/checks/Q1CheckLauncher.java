package edu.mlcourse.hw5.checker.checks;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs {@link Q1Checks} for one submission through the JUnit Platform Launcher, in one discovery
 * request, and returns the ledger its listener filled.
 */
public final class Q1CheckLauncher {
    /**
     * One launcher for the JVM; only the Jupiter engine is wanted. Auto-registered listeners are
     * off: JUnit's Flight Recorder listeners cost a JFR start-up on every grading run.
     */
    private static final Launcher LAUNCHER = LauncherFactory.create(LauncherConfig.builder()
            .enableTestExecutionListenerAutoRegistration(false)
            .enableLauncherDiscoveryListenerAutoRegistration(false)
            .enableLauncherSessionListenerAutoRegistration(false)
            .enablePostDiscoveryFilterAutoRegistration(false)
            .build());

    private static boolean warmedUp;

    private Q1CheckLauncher() {
    }

    /**
     * Loads and initialises JUnit on a background thread, once per JVM, by running the checks
     * without a context (the factory fails at once; no student code is involved). JUnit's first
     * run costs most of a second in class loading, which then overlaps compiling the submission
     * and starting the student JVM.
     */
    public static void warmUpInBackground() {
        synchronized (Q1CheckLauncher.class) {
            if (warmedUp) {
                return;
            }
            warmedUp = true;
        }
        Thread warmUp = new Thread(() -> LAUNCHER.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Q1Checks.class)).build()), "hw5-junit-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Runs the checks with more listeners, e.g. JUnit's XML report for a student's CI. */
    public static CheckLedger run(GradingContext context, List<TestExecutionListener> listeners) {
        CheckLedger ledger = new CheckLedger();
        ledger.expect(CheckPlan.planned(context));
        try (GradingContexts.Registration registration = GradingContexts.register(context)) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Q1Checks.class))
                    .configurationParameter(GradingContexts.PARAMETER, registration.key())
                    // The checks run in order against one student JVM; never in parallel.
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .build();
            List<TestExecutionListener> all = new ArrayList<>(listeners);
            all.add(new LedgerListener(ledger));
            LAUNCHER.execute(request, all.toArray(TestExecutionListener[]::new));
        } catch (RuntimeException e) {
            ledger.graderError("the JUnit launcher failed: " + e);
        }
        return ledger;
    }
}
