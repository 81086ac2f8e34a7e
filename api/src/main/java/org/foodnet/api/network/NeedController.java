package org.foodnet.api.network;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.foodnet.api.web.Problem;
import org.foodnet.solver.domain.RecipientNeed;
import org.foodnet.solver.domain.Site;
import org.foodnet.solver.domain.SiteRole;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What each recipient facility asks for in a month, and the days it serves meals. */
@RestController
@RequestMapping("/api/needs")
class NeedController {

    record NeedRequest(@NotNull @Valid Amounts monthlyNeed, @Size(max = 31) List<@NotNull LocalDate> servingDays) {
    }

    private final NetworkService network;

    NeedController(NetworkService network) {
        this.network = network;
    }

    @GetMapping
    List<RecipientNeed> list(@RequestParam YearMonth month) {
        return network.load(month).needs();
    }

    @GetMapping("/{recipientId}")
    RecipientNeed get(@PathVariable String recipientId, @RequestParam YearMonth month) {
        return network.load(month).needs().stream().filter(n -> n.recipientId().equals(recipientId)).findFirst()
                .orElseThrow(() -> Problem.notFound("no need of " + recipientId + " in " + month));
    }

    @PutMapping("/{recipientId}")
    RecipientNeed put(@PathVariable String recipientId, @RequestParam YearMonth month, @Valid @RequestBody NeedRequest request) {
        List<LocalDate> days = request.servingDays() == null ? List.of() : request.servingDays();
        for (int i = 0; i < days.size(); i++) {
            if (!YearMonth.from(days.get(i)).equals(month)) {
                throw Problem.badField("servingDays[" + i + "]", days.get(i) + " is not in " + month);
            }
        }
        RecipientNeed need = new RecipientNeed(recipientId, request.monthlyNeed().toDomain(), days);
        network.change(month, n -> {
            Site site = n.site(recipientId).orElseThrow(() -> Problem.notFound("no site " + recipientId));
            if (site.role() != SiteRole.RECIPIENT) {
                throw Problem.badField("recipientId", recipientId + " is a " + site.kind() + ", not a recipient");
            }
            return NetworkService.withNeeds(n, NetworkService.upsert(n.needs(), need, RecipientNeed::recipientId));
        });
        return need;
    }
}
