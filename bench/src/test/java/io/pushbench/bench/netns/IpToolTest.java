package io.pushbench.bench.netns;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IpToolTest {

    @Test
    void aUserOtherThanRootIsToldNamespacesNeedRoot() {
        NetnsUnavailableException e = assertThrows(NetnsUnavailableException.class,
                () -> IpTool.requireUsable("1000", tool -> "/usr/sbin/" + tool));
        assertEquals("network namespaces need root (this process runs as uid 1000); run as root, or leave --network out",
                e.getMessage());
    }

    @Test
    void aMissingToolIsNamed() {
        NetnsUnavailableException e = assertThrows(NetnsUnavailableException.class,
                () -> IpTool.requireUsable("0", tool -> tool.equals("tc") ? null : "/usr/sbin/" + tool));
        assertEquals("the 'tc' tool (iproute2) is not installed; install iproute2, or leave --network out", e.getMessage());
        assertThrows(NetnsUnavailableException.class, () -> IpTool.requireUsable("0", tool -> null));
    }

    @Test
    void rootWithBothToolsMayUseNamespaces() {
        assertDoesNotThrow(() -> IpTool.requireUsable("0", tool -> "/usr/sbin/" + tool));
    }
}
