package io.commercemetrics.jobs.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the shares that lie on a parent-chain loop (DATA.md: those are quarantined; a share whose
 * chain merely leads into a loop, or to an unknown parent, is kept). Each share has at most one
 * parent, so every walk ends at a root, an unknown parent, or a loop: O(n) over the map.
 */
final class ShareLoops {

    private ShareLoops() {
    }

    /** @param parentOf share_id to parent_share_id, for shares that have a parent */
    static Set<String> onLoops(Map<String, String> parentOf) {
        Map<String, Integer> state = new HashMap<>();
        Set<String> looped = new HashSet<>();
        for (String startId : parentOf.keySet()) {
            if (state.containsKey(startId)) {
                continue;
            }
            List<String> path = new ArrayList<>();
            Map<String, Integer> positionOnPath = new HashMap<>();
            String node = startId;
            while (node != null && !state.containsKey(node)) {
                state.put(node, 1);
                positionOnPath.put(node, path.size());
                path.add(node);
                node = parentOf.get(node);
            }
            if (node != null && state.get(node) == 1 && positionOnPath.containsKey(node)) {
                looped.addAll(path.subList(positionOnPath.get(node), path.size()));
            }
            path.forEach(p -> state.put(p, 2));
        }
        return looped;
    }
}
