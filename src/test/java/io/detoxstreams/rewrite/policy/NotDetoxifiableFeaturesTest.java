package io.detoxstreams.rewrite.policy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** The feature hashes are built without concatenating strings; they must equal the hashes of the concatenations. */
class NotDetoxifiableFeaturesTest {

    @Property(tries = 500)
    void concatenatedHashEqualsTheHashOfTheConcatenation(@ForAll @StringLength(max = 40) String a,
                                                         @ForAll @StringLength(max = 40) String b, @ForAll char c) {
        assertThat(NotDetoxifiableFeatures.concat(a.hashCode(), b)).isEqualTo((a + b).hashCode());
        assertThat(NotDetoxifiableFeatures.concat(a.hashCode(), c)).isEqualTo((a + c).hashCode());
        assertThat(NotDetoxifiableFeatures.concat(NotDetoxifiableFeatures.concat(
                NotDetoxifiableFeatures.concat("b:".hashCode(), a), ' '), b)).isEqualTo(("b:" + a + ' ' + b).hashCode());
    }
}
