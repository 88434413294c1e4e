package edu.mlcourse.hw5.checker.scoring;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import edu.mlcourse.hw5.checker.checks.CheckPlan;
import edu.mlcourse.hw5.checker.checks.GradingContext;
import edu.mlcourse.hw5.checker.checks.GradingContexts;
import edu.mlcourse.hw5.checker.checks.Q1Checks;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
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

    private Q1CheckLauncher() {
    }

    public static CheckLedger run(GradingContext context) {
        CheckLedger ledger = new CheckLedger();
        ledger.expect(CheckPlan.planned(context));
        try (GradingContexts.Registration registration = GradingContexts.register(context)) {
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectClass(Q1Checks.class))
                    .configurationParameter(GradingContexts.PARAMETER, registration.key())
                    // The checks run in order against one student JVM; never in parallel.
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .build();
            LAUNCHER.execute(request, new LedgerListener(ledger));
        } catch (RuntimeException e) {
            ledger.graderError("the JUnit launcher failed: " + e);
        }
        return ledger;
    }
}
