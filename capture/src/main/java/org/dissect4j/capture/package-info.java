/**
 * Capture sources and sinks: {@link org.dissect4j.capture.CaptureFiles} opens pcap and pcapng
 * files (mapped, zero-copy; gzip and streams through a bounded window) as
 * {@link org.dissect4j.capture.CaptureReader}s, {@link org.dissect4j.capture.LiveCapture} captures
 * through libpcap via FFM, and {@link org.dissect4j.capture.CaptureWriter} writes pcap and pcapng.
 * Every source hands out one reused {@link org.dissect4j.api.Frame} whose bytes stay valid until
 * the next frame is pulled.
 */
package org.dissect4j.capture;
