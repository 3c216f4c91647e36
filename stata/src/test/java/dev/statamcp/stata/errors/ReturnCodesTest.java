package dev.statamcp.stata.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReturnCodesTest {

    @Test
    void loadsTheDocumentedTable() {
        ReturnCodes codes = ReturnCodes.standard();
        assertThat(codes.size()).isGreaterThan(150);
        assertThat(codes.message(111)).contains("not found");
        assertThat(codes.message(1)).hasValueSatisfying(m -> assertThat(m).contains("Break"));
        assertThat(codes.message(420)).contains("groups found, 2 required");
        assertThat(codes.message(424242)).isEmpty();
    }

    @Test
    void describesKnownAndUnknownCodes() {
        assertThat(ReturnCodes.standard().describe(601)).startsWith("r(601): file").contains("not found");
        assertThat(ReturnCodes.standard().describe(7777)).isEqualTo("r(7777)");
    }

    @Test
    void csvQuotingIsHonoured() {
        assertThat(ReturnCodes.splitCsv("1,\"a, \"\"b\"\"\",c")).containsExactly("1", "a, \"b\"", "c");
    }
}
