package dev.ferry.tracker.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.tracker.PackageDiff;
import dev.ferry.tracker.PackageSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The restore plan re-applies the user's change to the new image, and only what is not already so")
class RestorePlanTest {

    @Test
    @DisplayName("on the same image: installs what was added or changed, uninstalls what was removed")
    void sameImage() {
        // given the user, on image {pip 23.2.1, click 8.1.0, six 1.16.0}, added numpy, upgraded pip, removed click
        PackageSet image = PackageSet.of(Map.of("pip", "23.2.1", "click", "8.1.0", "six", "1.16.0"));
        PackageDiff user = PackageDiff.between(image,
                PackageSet.of(Map.of("pip", "24.0", "six", "1.16.0", "numpy", "2.4.6")));
        // when planned against that same image
        RestorePlan plan = RestorePlan.of(user, image);
        // then numpy and pip are installed at the user's versions, click is uninstalled, six is untouched
        assertEquals(Map.of("numpy", "2.4.6", "pip", "24.0"), plan.install());
        assertEquals(Map.of("click", "8.1.0"), plan.uninstall());
        assertEquals(Map.of(), plan.alreadyPresent());
        assertEquals(Set.of(), plan.alreadyAbsent());
        assertEquals(List.of(new Pin("numpy", "2.4.6"), new Pin("pip", "24.0")), plan.pins());
    }

    @Test
    @DisplayName("on a newer image: what the image already has as wanted is already present or already absent")
    void newerImage() {
        // given the user added requests 2.34.2 and numpy 2.4.6, changed setuptools 65.5.0 -> 70.0, removed click
        PackageDiff user = diff(Map.of("requests", "2.34.2", "numpy", "2.4.6"), Map.of("click", "8.1.0"),
                Map.of("setuptools", new PackageDiff.Change("65.5.0", "70.0")));
        // and the newer image ships requests 2.34.2, numpy 2.0.0 and setuptools 70.0 and no click
        PackageSet image = PackageSet.of(Map.of("requests", "2.34.2", "numpy", "2.0.0", "setuptools", "70.0",
                "pip", "25.0"));
        RestorePlan plan = RestorePlan.of(user, image);
        // then only numpy needs installing (2.0.0 -> 2.4.6); requests and setuptools are already present;
        // click is already absent; pip, which the user never touched, stays as the image has it
        assertEquals(Map.of("numpy", "2.4.6"), plan.install());
        assertEquals(Map.of(), plan.uninstall());
        assertEquals(Map.of("requests", "2.34.2", "setuptools", "70.0"), plan.alreadyPresent());
        assertEquals(Set.of("click"), plan.alreadyAbsent());
        assertEquals(4, plan.size());
        assertFalse(plan.isNoop());
    }

    @Test
    @DisplayName("a package the image has at another version than the user's is installed at the user's, even a downgrade")
    void downgradesToTheUsersVersion() {
        PackageDiff user = diff(Map.of(), Map.of(), Map.of("numpy", new PackageDiff.Change("1.26.0", "1.26.4")));
        RestorePlan plan = RestorePlan.of(user, PackageSet.of(Map.of("numpy", "2.0.0")));
        assertEquals(Map.of("numpy", "1.26.4"), plan.install());
    }

    @Test
    @DisplayName("a removed package is uninstalled whatever version the image has of it")
    void removesAnyVersion() {
        PackageDiff user = diff(Map.of(), Map.of("click", "8.1.0"), Map.of());
        RestorePlan plan = RestorePlan.of(user, PackageSet.of(Map.of("click", "8.2.0")));
        assertEquals(Map.of("click", "8.2.0"), plan.uninstall());
    }

    @Test
    @DisplayName("names compare as PEP 503 normalizes them, and the plan uses the normalized name")
    void normalizesNames() {
        PackageDiff user = diff(Map.of("Typing_Extensions", "4.12.0"), Map.of("Zope.Interface", "6.0"), Map.of());
        PackageSet image = PackageSet.of(Map.of("typing-extensions", "4.12.0", "zope-interface", "6.0"));
        RestorePlan plan = RestorePlan.of(user, image);
        assertEquals(Map.of("typing-extensions", "4.12.0"), plan.alreadyPresent());
        assertEquals(Map.of("zope-interface", "6.0"), plan.uninstall());
    }

    @Test
    @DisplayName("a user who changed nothing gets an empty plan")
    void emptyChange() {
        RestorePlan plan = RestorePlan.of(diff(Map.of(), Map.of(), Map.of()), PackageSet.of(Map.of("pip", "23.2.1")));
        assertTrue(plan.isNoop());
        assertEquals(0, plan.size());
    }

    private static PackageDiff diff(Map<String, String> added, Map<String, String> removed,
                                    Map<String, PackageDiff.Change> changed) {
        return new PackageDiff(new TreeMap<>(added), new TreeMap<>(removed), new TreeMap<>(changed));
    }
}
