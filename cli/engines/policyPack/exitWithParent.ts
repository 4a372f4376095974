// Preloaded (`node --require`) into the policy pack's process by PolicyPackProcess.start, so that the pack ends when
// the trailwatch process that started it ends, however that ends.
//
// The Pulumi CLI stops its plugins itself when it shuts down. A trailwatch process killed by a signal cannot: a
// SIGINT sent to it alone (`kill -INT`, a CI runner cancelling a step, `timeout`), SIGKILL or a crash end it without
// running any handler, and the pack, a gRPC server, would wait for calls forever (about 125 MB each). Its stdin is a
// pipe whose other end only trailwatch holds and never writes to; the kernel closes that end when trailwatch's process
// exits, whatever ends it, and the pack then reads end-of-file (Node.js docs, "Stream: Event 'end'": "emitted when
// there is no more data to be consumed from the stream").
process.stdin.on("end", () => process.exit(0));
process.stdin.on("error", () => process.exit(0));
process.stdin.resume();
