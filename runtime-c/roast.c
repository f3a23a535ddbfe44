/* The C part of the roast runtime: the process entry point and the thread-local state that
 * compiled code reads directly (see runtime/src/contract.rs, ThreadState). */
#include <stdint.h>

struct roast_thread_state {
    void *pending_exception;
    void *top_frame;
    uintptr_t stack_limit;
    void *java_thread;
    uintptr_t thread_id;
    void *alloc_bump;
};

__thread struct roast_thread_state roast_thread;

/* The calling thread's state, for the Rust side (which cannot name C thread-locals). */
struct roast_thread_state *roast_thread_state(void) { return &roast_thread; }

extern int roast_start(int argc, char **argv);

int main(int argc, char **argv) { return roast_start(argc, argv); }
