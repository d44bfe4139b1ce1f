/*
 * The loopback floor for single-message latency: a TCP ping-pong over 127.0.0.1 (TCP_NODELAY, blocking sockets, an
 * echo process forked beside the pinger), paced like a publisher at RATE messages per second. One round trip is two
 * one-way hops, as one publish-to-delivery is (publisher -> server, server -> client). Prints p50/p99/p99.9 in µs,
 * and what one system call costs on this machine (getppid, a million times): VMs of the same kind differ by up to 10x
 * there (kernel page-table isolation, how the hypervisor runs the guest), and every hop of a message pays it.
 *
 *   gcc -O2 -o pingpong pingpong.c && ./pingpong [COUNT=20000] [RATE_PER_SEC=1000] [BYTES=64]
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long long now_nanos(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int read_fully(int fd, char *buf, int n) {
    for (int got = 0; got < n;) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r <= 0) return -1;
        got += r;
    }
    return 0;
}

static int cmp(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    int count = argc > 1 ? atoi(argv[1]) : 20000;
    int rate = argc > 2 ? atoi(argv[2]) : 1000;
    int bytes = argc > 3 ? atoi(argv[3]) : 64;
    if (count < 1 || rate < 1 || bytes < 1 || bytes > 65536) {
        fprintf(stderr, "usage: pingpong [COUNT>0] [RATE_PER_SEC>0] [BYTES 1..65536]\n");
        return 2;
    }
    int one = 1;
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in addr = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t len = sizeof addr;
    if (bind(listener, (struct sockaddr *)&addr, sizeof addr) || listen(listener, 1)
        || getsockname(listener, (struct sockaddr *)&addr, &len)) {
        perror("listen");
        return 1;
    }
    char *buf = malloc(bytes);
    memset(buf, 'x', bytes);
    pid_t echo = fork();
    if (echo == 0) {
        int c = accept(listener, NULL, NULL);
        setsockopt(c, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        while (read_fully(c, buf, bytes) == 0 && write(c, buf, bytes) == bytes) {
        }
        _exit(0);
    }
    int s = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(s, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    if (connect(s, (struct sockaddr *)&addr, sizeof addr)) {
        perror("connect");
        return 1;
    }
    long long *rtt = malloc(sizeof(long long) * count);
    long long interval = 1000000000LL / rate, next = now_nanos();
    for (int i = 0; i < count; i++) {
        next += interval;
        long long start = now_nanos();
        if (write(s, buf, bytes) != bytes || read_fully(s, buf, bytes)) {
            perror("ping");
            return 1;
        }
        rtt[i] = now_nanos() - start;
        long long wait = next - now_nanos();
        if (wait > 0) {
            struct timespec t = {wait / 1000000000LL, wait % 1000000000LL};
            nanosleep(&t, NULL);
        }
    }
    close(s);
    waitpid(echo, NULL, 0);
    qsort(rtt, count, sizeof rtt[0], cmp);
    long long calls_start = now_nanos();
    for (int i = 0; i < 1000000; i++) {
        syscall(SYS_getppid);
    }
    double syscall_nanos = (now_nanos() - calls_start) / 1e6;
    printf("round trips %d at %d/s, %d B: p50 %.1f us  p99 %.1f us  p99.9 %.1f us  max %.1f us\n", count, rate, bytes,
           rtt[count / 2] / 1e3, rtt[(int)(count * 0.99)] / 1e3, rtt[(int)(count * 0.999)] / 1e3, rtt[count - 1] / 1e3);
    printf("a system call (getppid): %.0f ns\n", syscall_nanos);
    return 0;
}
