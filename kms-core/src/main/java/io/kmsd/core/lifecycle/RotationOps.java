package io.kmsd.core.lifecycle;

import io.kmsd.core.KeyRotation;
import io.kmsd.core.Page;
import io.kmsd.core.RotationStatus;
import io.kmsd.core.error.KmsError;
import io.kmsd.core.error.KmsException;
import io.kmsd.core.key.KeyArn;
import io.kmsd.core.key.KeyOperation;
import io.kmsd.core.key.KeySpec;
import io.kmsd.core.key.KeyState;
import io.kmsd.core.key.KeyStateTable;
import io.kmsd.core.key.Origin;
import io.kmsd.core.store.KeyRecord;
import io.kmsd.core.store.KeyStore;
import io.kmsd.core.store.KeyTx;
import io.kmsd.core.store.MaterialRecord;
import io.kmsd.core.store.RotationEvent;
import io.kmsd.core.store.RotationRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Key rotation (kms-api §4.7): automatic schedule, on-demand rotation, listing, and the job step
 * {@link #rotateDue}. A rotation adds a material version and makes it current; older materials stay and still
 * decrypt. Only symmetric AWS_KMS keys rotate. Every change locks the key row and checks §3.4 first.
 */
final class RotationOps {
    static final int MIN_PERIOD = 90;
    static final int MAX_PERIOD = 2560;
    static final int DEFAULT_PERIOD = 365;
    static final int MAX_ON_DEMAND = 25;
    /** kms-api §4.7: automatic rotation due within 20 minutes → ConflictException. */
    static final Duration CONFLICT_WINDOW = Duration.ofMinutes(20);

    private final KeyStore store;
    private final KeyCache cache;
    private final KeyLifecycle lifecycle;
    private final Clock clock;

    RotationOps(KeyStore store, KeyCache cache, KeyLifecycle lifecycle, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    /** {@code periodDays} null → 365; also changes the period of an enabled key (next = now + period). */
    void enable(KeyArn arn, Integer periodDays) {
        int period = periodDays == null ? DEFAULT_PERIOD : periodDays;
        if (period < MIN_PERIOD || period > MAX_PERIOD) {
            throw Errors.range(period, "rotationPeriodInDays", MIN_PERIOD, MAX_PERIOD);
        }
        Instant next = now().plus(Duration.ofDays(period));
        locked(arn, KeyOperation.EnableKeyRotation, (tx, key) -> {
            RotationRecord r = tx.rotation(arn);
            tx.putRotation(new RotationRecord(arn, period, next, r.onDemandCount()));
            return null;
        });
    }

    void disable(KeyArn arn) {
        locked(arn, KeyOperation.DisableKeyRotation, (tx, key) -> {
            RotationRecord r = tx.rotation(arn);
            tx.putRotation(new RotationRecord(arn, null, null, r.onDemandCount()));
            return null;
        });
    }

    /** Asymmetric/HMAC keys and keys pending deletion report disabled (kms-api §4.7). */
    RotationStatus status(KeyArn arn) {
        CachedKey key = cache.get(arn);
        KeyStateTable.check(KeyOperation.GetKeyRotationStatus, key.state(), arn);
        if (!rotatable(key.record()) || key.state() == KeyState.PendingDeletion) {
            return new RotationStatus(arn, false, null, null, null);
        }
        RotationRecord r = store.read(tx -> tx.rotation(arn));
        return new RotationStatus(arn, r.automatic(), r.periodDays(), r.nextRotation(), null);
    }

    void rotateOnDemand(KeyArn arn) {
        locked(arn, KeyOperation.RotateKeyOnDemand, (tx, key) -> {
            RotationRecord r = tx.rotation(arn);
            if (r.onDemandCount() >= MAX_ON_DEMAND) {
                throw new KmsException(KmsError.LimitExceeded, "The on-demand rotations limit has been reached for "
                        + "the given keyId. No more on-demand rotations can be performed for this key: " + arn);
            }
            if (r.automatic() && !r.nextRotation().isAfter(now().plus(CONFLICT_WINDOW))) {
                throw new KmsException(KmsError.Conflict, "An automatic rotation of " + arn + " is due; retry later.");
            }
            rotate(tx, key, RotationEvent.ON_DEMAND);
            tx.putRotation(new RotationRecord(arn, r.periodDays(), r.nextRotation(), r.onDemandCount() + 1));
            return null;
        });
    }

    /** {@code allKeyMaterial}: ALL_KEY_MATERIAL (first material too) instead of ROTATIONS_ONLY. */
    Page<KeyRotation> list(KeyArn arn, boolean allKeyMaterial, int limit, String marker) {
        Limits.listLimit(limit);
        CachedKey key = cache.get(arn);
        KeyStateTable.check(KeyOperation.ListKeyRotations, key.state(), arn);
        if (!rotatable(key.record()) && !externalSymmetric(key.record())) {
            throw new KmsException(KmsError.UnsupportedOperation, ""); // kms-api §4.7, §3.4
        }
        int after = afterVersion(marker);
        List<KeyRotation> all = entries(arn, allKeyMaterial, after);
        boolean more = all.size() > limit;
        List<KeyRotation> page = more ? all.subList(0, limit) : all;
        String last = more ? Integer.toString(versionOf(arn, page.get(limit - 1))) : null;
        return new Page<>(List.copyOf(page), Markers.next(more, last));
    }

    /** The job step: rotates every Enabled key whose next automatic rotation has come; returns how many. */
    int rotateDue() {
        Instant now = now();
        int rotated = 0;
        for (KeyArn arn : store.read(tx -> tx.dueForRotation(now, 1000))) {
            rotated += store.write(tx -> rotateIfDue(tx, arn, now)) ? 1 : 0;
            cache.afterWrite(arn);
        }
        return rotated;
    }

    private boolean rotateIfDue(KeyTx tx, KeyArn arn, Instant now) {
        KeyRecord key = tx.lockKey(arn).orElse(null);
        RotationRecord r = tx.rotation(arn);
        if (key == null || key.state() != KeyState.Enabled || !r.automatic() || r.nextRotation().isAfter(now)) {
            return false; // changed since the listing
        }
        rotate(tx, key, RotationEvent.AUTOMATIC);
        tx.putRotation(new RotationRecord(arn, r.periodDays(), now.plus(Duration.ofDays(r.periodDays())),
                r.onDemandCount()));
        return true;
    }

    /** New material version, current from now on; the older ones stay for Decrypt. */
    private void rotate(KeyTx tx, KeyRecord key, String type) {
        int version = tx.materials(key.arn()).stream().mapToInt(MaterialRecord::version).max().orElse(0) + 1;
        Instant now = now();
        tx.insertMaterial(lifecycle.newMaterial(key.arn(), key.keySpec(), version, now));
        tx.insertRotationEvent(key.arn(), new RotationEvent(version, type, now));
        tx.updateKey(key.withCurrentMaterial(version));
    }

    private List<KeyRotation> entries(KeyArn arn, boolean allKeyMaterial, int afterVersion) {
        return store.read(tx -> {
            Map<Integer, RotationEvent> events = tx.rotationEvents(arn).stream()
                    .collect(Collectors.toMap(RotationEvent::version, Function.identity()));
            List<MaterialRecord> materials = tx.materials(arn);
            int current = materials.stream().mapToInt(MaterialRecord::version).max().orElse(0);
            return materials.stream()
                    .filter(m -> m.version() > afterVersion && (allKeyMaterial || events.containsKey(m.version())))
                    .map(m -> entry(arn, m, events.get(m.version()), current)).toList();
        });
    }

    private static KeyRotation entry(KeyArn arn, MaterialRecord m, RotationEvent event, int current) {
        return new KeyRotation(arn, m.materialId(), m.version() == current ? "CURRENT" : "NON_CURRENT",
                event == null ? null : event.rotatedAt(), event == null ? null : event.rotationType());
    }

    private int versionOf(KeyArn arn, KeyRotation entry) {
        return store.read(tx -> tx.materials(arn)).stream().filter(m -> m.materialId().equals(entry.keyMaterialId()))
                .mapToInt(MaterialRecord::version).findFirst().orElseThrow();
    }

    private static int afterVersion(String marker) {
        String decoded = Markers.decode(marker);
        if (decoded == null) {
            return 0;
        }
        try {
            return Integer.parseInt(decoded);
        } catch (NumberFormatException e) {
            throw Errors.invalidMarker();
        }
    }

    private <T> T locked(KeyArn arn, KeyOperation op, java.util.function.BiFunction<KeyTx, KeyRecord, T> body) {
        T result = store.write(tx -> {
            KeyRecord key = tx.lockKey(arn).orElseThrow(() -> Errors.keyNotFound(arn));
            KeyStateTable.check(op, key.state(), arn);
            requireRotatable(key);
            return body.apply(tx, key);
        });
        cache.afterWrite(arn);
        return result;
    }

    /** kms-api §4.7: only symmetric AWS_KMS keys rotate; else UnsupportedOperation (empty message). */
    private static void requireRotatable(KeyRecord key) {
        if (!rotatable(key)) {
            throw new KmsException(KmsError.UnsupportedOperation, "");
        }
    }

    /** kms-api §3.4: ListKeyRotations also lists the materials of EXTERNAL symmetric keys. */
    private static boolean externalSymmetric(KeyRecord key) {
        return key.keySpec() == KeySpec.SYMMETRIC_DEFAULT && key.origin() == Origin.EXTERNAL;
    }

    private static boolean rotatable(KeyRecord key) {
        return key.keySpec() == KeySpec.SYMMETRIC_DEFAULT && key.origin() == Origin.AWS_KMS;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
