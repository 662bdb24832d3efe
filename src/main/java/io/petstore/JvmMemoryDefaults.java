package io.petstore;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;

/**
 * Memory defaults for a plain {@code java -jar petstore.jar}: the jar cannot pass JVM flags, but the
 * HotSpot flags that are "manageable" can be set by the running JVM itself before Spring starts.
 * With the G1 collector (the default on machines with 2 cores and 2 GB or more) G1 grows the heap
 * under load towards a quarter of the machine's memory and, by default, gives almost none of it
 * back. Here, unless the operator set the flag on the command line:
 * <ul>
 * <li>{@code G1PeriodicGCInterval=5000}: once the server has done no collection for 5 s (it is
 * idle), G1 runs a concurrent cycle, whose remark phase shrinks the heap;</li>
 * <li>{@code MinHeapFreeRatio=10}, {@code MaxHeapFreeRatio=30}: that shrink keeps at most 30 % of
 * the heap free (JDK default: 70 %).</li>
 * </ul>
 * Off with {@code --petstore.jvm.memory-defaults=false}, the system property of that name or
 * {@code PETSTORE_JVM_MEMORY_DEFAULTS=false}. Other collectors (Parallel, Serial, ZGC) are left
 * as they are. docs/performance.md, "Memory and observability", has the figures.
 */
final class JvmMemoryDefaults {

	static final String SWITCH = "petstore.jvm.memory-defaults";

	private JvmMemoryDefaults() {
	}

	/** Sets the defaults; returns the flags it set (name to value), for the start-up log. */
	static Map<String, String> apply(String[] args) {
		Map<String, String> set = new LinkedHashMap<>();
		if (!enabled(args) || !usesG1()) {
			return set;
		}
		HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		if (hotspot == null) {
			return set;
		}
		setIfDefault(hotspot, "G1PeriodicGCInterval", "5000", set);
		// both or neither, Min first: the JVM refuses a MaxHeapFreeRatio below MinHeapFreeRatio
		if (isDefault(hotspot, "MinHeapFreeRatio") && isDefault(hotspot, "MaxHeapFreeRatio")) {
			setIfDefault(hotspot, "MinHeapFreeRatio", "10", set);
			setIfDefault(hotspot, "MaxHeapFreeRatio", "30", set);
		}
		return set;
	}

	static boolean enabled(String[] args) {
		String value = System.getProperty(SWITCH, System.getenv("PETSTORE_JVM_MEMORY_DEFAULTS"));
		String prefix = "--" + SWITCH + "=";
		value = Arrays.stream(args).filter(arg -> arg.startsWith(prefix)).map(arg -> arg.substring(prefix.length()))
			.reduce((first, last) -> last).orElse(value);
		return value == null || !value.trim().equalsIgnoreCase("false");
	}

	private static boolean usesG1() {
		return ManagementFactory.getGarbageCollectorMXBeans().stream().anyMatch(gc -> gc.getName().startsWith("G1 "));
	}

	private static boolean isDefault(HotSpotDiagnosticMXBean hotspot, String flag) {
		try {
			VMOption.Origin origin = hotspot.getVMOption(flag).getOrigin();
			return origin == VMOption.Origin.DEFAULT || origin == VMOption.Origin.ERGONOMIC;
		}
		catch (IllegalArgumentException unknown) {
			return false;
		}
	}

	private static void setIfDefault(HotSpotDiagnosticMXBean hotspot, String flag, String value, Map<String, String> set) {
		if (!isDefault(hotspot, flag)) {
			return;
		}
		try {
			hotspot.setVMOption(flag, value);
			set.put(flag, value);
		}
		catch (IllegalArgumentException | SecurityException notManageable) {
			// not manageable on this JVM: leave it
		}
	}

}
