package io.petstore.live;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Live events within this instance: a multicast sink that never blocks a publisher (a subscriber
 * that cannot keep up misses events; it is told nothing, as with any best-effort push).
 */
@Component
class InProcessLiveEvents implements LiveEvents {

	private final Sinks.Many<LiveEvent> sink = Sinks.many().multicast().directBestEffort();

	@Override
	public void publish(LiveEvent event) {
		// several threads may publish at once: retry the sink's non-serialized emission briefly
		sink.emitNext(event, Sinks.EmitFailureHandler.busyLooping(java.time.Duration.ofMillis(100)));
	}

	@Override
	public Flux<LiveEvent> events() {
		return sink.asFlux();
	}

}
