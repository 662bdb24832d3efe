package io.petstore.live;

import reactor.core.publisher.Flux;

/**
 * The seam between committed changes and the realtime protocols. Replace the bean to fan out
 * across instances; publishers and subscribers stay as they are.
 */
public interface LiveEvents {

	/** Hands a committed change to every subscriber (of this instance, or of all instances). */
	void publish(LiveEvent event);

	/**
	 * Every change published from now on, hot: a subscriber sees what is published while it is
	 * subscribed, nothing from before. Slow subscribers lose events rather than slow publishers.
	 */
	Flux<LiveEvent> events();

}
