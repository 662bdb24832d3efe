import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.petstore.grpc.v1.GetPetRequest;
import io.petstore.grpc.v1.Pet;
import io.petstore.grpc.v1.PetServiceGrpc;

/**
 * A small gRPC load client for bench/run.sh (no ghz here): unary GetPet calls, IN_FLIGHT calls
 * outstanding at all times spread over CHANNELS HTTP/2 connections, for WARMUP then SECONDS seconds.
 * Prints "calls/s p50 p99 errors" in wrk's units (ms), as bench/run.sh's measure does.
 * Run with the server's jar and libraries on the class path: java -cp 'app/petstore.jar:app/lib/*' bench/GrpcGetPet.java
 * HOST PORT PET_ID SECONDS WARMUP IN_FLIGHT CHANNELS
 */
public class GrpcGetPet {

	public static void main(String[] args) throws Exception {
		String host = args[0];
		int port = Integer.parseInt(args[1]);
		GetPetRequest request = GetPetRequest.newBuilder().setId(args[2]).build();
		int seconds = Integer.parseInt(args[3]);
		int warmup = Integer.parseInt(args[4]);
		int inFlight = Integer.parseInt(args[5]);
		int channels = Integer.parseInt(args[6]);
		ManagedChannel[] open = new ManagedChannel[channels];
		PetServiceGrpc.PetServiceStub[] stubs = new PetServiceGrpc.PetServiceStub[channels];
		for (int i = 0; i < channels; i++) {
			open[i] = ManagedChannelBuilder.forAddress(host, port).usePlaintext().build();
			stubs[i] = PetServiceGrpc.newStub(open[i]);
		}
		run(stubs, request, warmup, inFlight, null);
		long[] latencies = new long[20_000_000];
		AtomicLong errors = new AtomicLong();
		long[] counted = run(stubs, request, seconds, inFlight, latencies);
		int n = (int) counted[0];
		errors.set(counted[1]);
		long[] done = Arrays.copyOf(latencies, Math.min(n, latencies.length));
		Arrays.sort(done);
		double p50 = done.length == 0 ? 0 : done[done.length / 2] / 1e6;
		double p99 = done.length == 0 ? 0 : done[(int) (done.length * 0.99)] / 1e6;
		System.out.printf("%.2f %.2fms %.2fms %d%n", n / (double) seconds, p50, p99, errors.get());
		for (ManagedChannel channel : open) {
			channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
		}
	}

	/** Keeps inFlight calls going for that long; returns {completed calls, errors}. */
	static long[] run(PetServiceGrpc.PetServiceStub[] stubs, GetPetRequest request, int seconds, int inFlight, long[] latencies)
			throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		AtomicLong completed = new AtomicLong();
		AtomicLong errors = new AtomicLong();
		CountDownLatch stopped = new CountDownLatch(inFlight);
		for (int i = 0; i < inFlight; i++) {
			PetServiceGrpc.PetServiceStub stub = stubs[i % stubs.length];
			new Object() {
				void call() {
					if (System.nanoTime() >= end) {
						stopped.countDown();
						return;
					}
					long start = System.nanoTime();
					stub.getPet(request, new StreamObserver<Pet>() {
						@Override
						public void onNext(Pet pet) {
						}

						@Override
						public void onError(Throwable t) {
							errors.incrementAndGet();
							call();
						}

						@Override
						public void onCompleted() {
							long index = completed.getAndIncrement();
							if (latencies != null && index < latencies.length) {
								latencies[(int) index] = System.nanoTime() - start;
							}
							call();
						}
					});
				}
			}.call();
		}
		stopped.await();
		return new long[] { completed.get(), errors.get() };
	}

}
