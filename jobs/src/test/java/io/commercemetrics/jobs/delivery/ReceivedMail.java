package io.commercemetrics.jobs.delivery;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The leaf parts of a received message, however the multiparts nest. */
final class ReceivedMail {

    private ReceivedMail() {
    }

    static List<Part> leaves(Part part) throws MessagingException, IOException {
        List<Part> leaves = new ArrayList<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                leaves.addAll(leaves(child));
            }
        } else {
            leaves.add(part);
        }
        return leaves;
    }

    static Part only(List<Part> parts, String mimeType) throws MessagingException {
        List<Part> matching = new ArrayList<>();
        for (Part part : parts) {
            if (part.isMimeType(mimeType)) {
                matching.add(part);
            }
        }
        if (matching.size() != 1) {
            throw new AssertionError("expected one " + mimeType + " part, found " + matching.size());
        }
        return matching.get(0);
    }
}
