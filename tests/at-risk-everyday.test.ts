// Danger's words in everyday messages (see at-risk.ts): the same phrases said of a diet, a toddler, a
// course of tablets, sport, a pet or an idiom read as no danger, and danger said in slang, by a drug's
// name or by a method still read as danger.
import { describe, it } from "vitest";
import { reads } from "./reads-risk.js";

describe("danger's words in everyday messages, and danger said in other words", () => {
  it("reads nothing in everyday words that share a phrase with danger", () => {
    reads(
      [
        "Our trust policy says we can't go on social media during shifts. Is that even legal?",
        "A student took too many photos on placement and posted them on Instagram. What should I do?",
        "My son beat cancer and I want to post about it on my work Instagram.",
        "My mum hit the roof when she saw my TikTok about the ward. Should I take it down?",
        "My husband won't let me post photos of our kids on my nursing account.",
        "A colleague hurt herself lifting a patient and posted about it on Facebook.",
        "A man commented on my post threatening to kill me. What should I do?",
        "I won't be around after 5pm to answer messages on the practice page. Should I post that?",
        "A parent posted a newborn photo on our page. Could that harm the baby's privacy?",
        "A patient posted on Instagram that she wants to diet before her wedding.",
        "I'm retiring. Can I post a goodbye everyone message on the practice Facebook page?",
        "My aunt refuses to see a doctor and posts about herbal cures on Facebook.",
        "Under our posts people leave the odd complaint about waiting times. Should I reply?",
      ],
      false,
    );
  });

  it("reads no everyday message that says danger's words of something else: a diet, teeth, a toddler, a course of tablets, a plain reason", () => {
    reads(
      [
        "A follower commented that she's cutting out gluten for her son's eczema. Can I reply?",
        "A mum posted in our group that her baby is still cutting his back teeth and won't settle.",
        "A colleague posted that she's been killing herself working doubles to save for a house.",
        "A patient messaged us on the app that he took 3 ibuprofen for his back. Can I answer there?",
        "A patient wrote on the portal that she's taken all her tablets but the UTI hasn't cleared.",
        "A dad posted in our group that his toddler keeps hurting himself climbing the sofa.",
        "A mum posted on our page that her 3-year-old hits the baby whenever she feeds him.",
        "A mum posted that her toddler doesn't want to wake up from his nap in the afternoons.",
        "A patient messaged me on Instagram that she wants to end it with her boyfriend.",
        "A patient posted that she's better off without him now that the divorce is final.",
        "A patient messaged the practice that he has got a gun licence renewal and needs a letter.",
        "A patient posted a clip of himself jumping off a cliff into the sea, and tagged us.",
        "A patient's wife posted that he has been unconscious since the operation and is in intensive care.",
        "A patient messaged us that the consultant stopped her taking her tablets before the procedure.",
        "A patient wrote on our page that his headache has lasted all week and he won't see the GP.",
        "A runner posted that his knee is swollen but he won't get it checked before the race.",
        "A colleague posted in the group chat that she has a migraine but won't call in sick.",
        "A locum messaged the rota group that she won't be here tomorrow and needs someone to swap.",
        "A colleague posted that she's giving away all her stuff before emigrating to Australia.",
        "A relative posted on Facebook that the ward won't let him out until the consultant has seen him.",
        "A parent posted that the kids have been kept in the house all week with norovirus.",
        "A paramedic posted a storytime about a call in 2015 where a man had his hands round her neck.",
        "A coach posted that her dad hit him with a cricket ball at training, can I share it?",
        "Our safeguarding lead posted a quiz in the team chat: a child says his stepdad hit him, what do you do?",
        "A trainer posted a role-play scenario in our group where a man threatened to kill her.",
      ],
      false,
    );
    // ... while the same words still read as danger where they say it
    reads(
      [
        "A follower DM'd me that she has taken 30 paracetamol and feels sick.",
        "A teenager messaged our page that she is cutting again.",
        "A girl posted on TikTok that she doesn't want to wake up tomorrow.",
        "A patient messaged that everyone would be better off without her.",
        "A man replied to our post that his chest feels crushing and he refuses to go to A&E.",
        "A follower messaged that her in-laws won't let her leave the house.",
        "A woman messaged our page that she's afraid of a man who threatened to kill her.",
      ],
      true,
    );
  });

  it("reads no danger in idioms, sport, hospital care, a repeat prescription or a plain reason for a farewell", () => {
    reads(
      [
        "A colleague posted that she's drowning herself in paperwork this month. Can I comment?",
        "A nurse posted that she's poisoning herself with takeaway coffee on nights, can I reply?",
        "A patient messaged us that she burnt herself with the iron and asked about dressings.",
        "A colleague posted that the new on-call rota is suicidal. Should I say something?",
        "A student messaged the group that she wanted to die of shame after her presentation.",
        "A patient's son posted that his dad doesn't want to live in a nursing home. Can we reply?",
        "A mum posted in our group that she's ready to end it and move him onto formula.",
        "A locum texted that she won't be here tomorrow because the nursery has closed.",
        "A registrar posted on the group that he'll be gone tomorrow for a conference.",
        "A patient posted that she's stockpiling her HRT patches because of the shortage.",
        "A patient wrote on the app that she's taken 28 sertraline tablets since her last review and needs a repeat.",
        "A colleague posted that he overdosed on chocolate at the Christmas party.",
        "A patient posted that her husband kicked her out of bed for snoring again.",
        "A mum asked in our group whether to smother her baby in nappy cream.",
        "A patient posted that the cardiologist stopped him taking his statins. How do we reply?",
        "A mum posted that her teenager sleeps till noon and she can't wake him, any tips?",
        "A colleague posted that she beat her son at the parkrun on Saturday.",
        "A patient's daughter posted that her mum has been unconscious since the surgery and is on the ward.",
        "A physio posted a reel with her hands round her neck demonstrating a stretch.",
        "A patient messaged the practice that her son chewed a washing pod wrapper but spat it out and is fine.",
      ],
      false,
    );
  });

  it("reads danger said in slang, by a drug's name, by a method, or as abuse that goes on", () => {
    reads(
      [
        "A student messaged me on Insta that she's necked a box of co-codamol.",
        "A follower inboxed our page that she has taken all her dad's sleeping tablets.",
        "A patient messaged the practice that he's going to end things tonight.",
        "A lad commented on our video that he's going to jump off the old town bridge tonight.",
        "A girl posted on our page that she has slit her wrists.",
        "A woman DM'd me that her husband has been hitting her all week.",
        "A man messaged our page that his wife has crushing chest pains but refuses to let him ring anyone.",
        "A patient emailed that he has tied a ligature in the garage.",
        "A girl messaged our school nurse account that her uncle keeps touching her and told her it's a secret.",
        "A boy posted on the class forum that his dad burns him with cigarettes.",
        "A woman DM'd me that her partner held a pillow over her face last night.",
        "A man posted on our page that he's sitting in his car with a hosepipe.",
        "A student messaged me that she's taken 30 of her sertraline.",
        "A follower DMs me that she has necked a box of co-codamol.",
        "A patient texted that she drank the bottle of methadone her brother left out.",
        "A follower commented \"I'm done. I've written my note.\"",
      ],
      true,
    );
    reads(
      [
        "A colleague posted that she ran 10 kms before her shift. Can I like it?",
        "Our ward posted its ligature risk assessment on the intranet page. Is that allowed?",
        "A dad posted a video of his son jumping off the old bridge into the river, can I comment?",
        "Our practice manager posted that she's going to end things with the cleaning company.",
        "A colleague posted that she burnt him with the iron by accident while ironing his scrubs.",
      ],
      false,
    );
  });

  it("reads no danger in a negation, a question about safety, a thing's farewell, a hospice wish or an idiom", () => {
    reads(
      [
        "A patient messaged that she's not cutting herself, the scratches are from her kitten.",
        "A patient messaged that she doesn't want to die under anaesthetic and asked about the risks.",
        "A pregnant follower asked in a DM whether a spray tan could harm the baby.",
        "A relative messaged the hospice page that her dad wants to die at home. Can we reply?",
        "A patient commented that the flu clinic won't be here much longer this year.",
        "A colleague posted that she's going to end it on a high after her finals.",
        "A mum posted that her teenager doesn't want to wake up on school days.",
        "A follower posted that she burnt herself on the grill making burgers.",
        "A colleague posted that her husband beat her to it and booked the holiday first.",
        "A colleague posted that he got a gun dog puppy at the weekend.",
        "A student posted a photo sitting on the roof terrace of the nurses' home.",
        "A follower DM'd that she's taken 21 pills of her packet and is on her seven day break.",
        "A patient posted that he overdosed on mince pies over Christmas.",
        "A follower asked in a DM how many of these tablets it would take for a 20kg dog.",
        "A student posted a meme captioned 'me on results day: can't cope' in our cohort chat.",
        "A colleague posted that her brother kicked him during five-a-side on Sunday.",
      ],
      false,
    );
    reads(
      [
        "A follower messaged that she's in the bath with a razor right now.",
        "A woman posted that when he drinks he strangles her.",
        "A patient messaged that she took her whole month's supply of quetiapine.",
        "A follower posted from the top of the multi-storey that she's going to jump.",
        "A mum messaged that her 3-year-old has been missing for an hour.",
        "A student posted in our cohort chat that her friend is going to hurt herself after failing her OSCE.",
        "A woman messaged that her husband hit her after the football match last night.",
        "A woman DM'd our page that her boyfriend punches her when his team loses.",
      ],
      true,
    );
  });

  it("reads real danger that an exception once hid, and no danger in a fourth review's kinds of everyday message", () => {
    reads(
      [
        "A follower DM'd me that she's going to hang herself in the shed tonight.",
        "A patient messaged that she's going to kill herself with a kitchen knife.",
        "A girl messaged our page that she cut herself with scissors again tonight.",
        "A follower posted that she's cut herself up really badly.",
        "A patient messaged that she's going to kill herself to make him sorry.",
        "A colleague left a voice note saying she can't go on.",
        "A follower messaged that she's not joking, she's going to kill herself tonight.",
        "A woman messaged that her partner hit her with a bat last night.",
        "A man messaged that his dad says the crushing chest pain is just indigestion and won't call 999.",
        "A follower messaged: by the time you read this I'll be in a better place.",
        "A lad messaged that he's going to jump off the bridge into the river tonight.",
        "A mum messaged that the babysitter looking after her baby shook the baby.",
        "A patient messaged that she can't pay the electricity bill and she's taken all her pills.",
        "A woman messaged our page that her son-in-law threatened to kill her.",
      ],
      true,
    );
    reads(
      [
        "A colleague posted that the team are killing themselves to hit the audit targets.",
        "A patient posted that he cut himself trimming the hedge, does he need a tetanus jab?",
        "A patient messaged that she's taken all her tablets and still has a cough.",
        "A follower commented that she had an overdose as a teenager and our post helped her.",
        "A colleague posted that management threatened to kill the scheme.",
        "A patient posted that her chest feels much better so she won't go to the GP appointment.",
        "A follower messaged that her boyfriend has been unresponsive on WhatsApp all day.",
        "A mum posted that the sickness bug hit the children this week.",
        "A colleague posted that she'll be gone by tomorrow, she's off to a festival.",
        "Our comms team posted that they'll shoot everyone at work on Friday, so wear your uniforms.",
      ],
      false,
    );
  });

  it("reads no danger said of a pet, a medicine, a sport, a course of tablets or a mask, nor in an idiom of free choice", () => {
    reads(
      [
        "A client emailed that the vet is coming at four to end his life, our collie is sixteen, and asked if we'd cover her shift.",
        "A neighbour posted that her kitten was sitting on the roof of the garage all afternoon.",
        "A mum messaged our page asking whether her citalopram is harming the baby while she breastfeeds.",
        "A follower commented that her mum hurt her ankle running and won't see a physio.",
        "A patient messaged that she's taken 40 tablets over the past few weeks and the pain is easing.",
        "A follower posted that she can't take it, the iron tablets make her feel sick.",
        "A colleague commented that no one held a gun to his head to go into surgery.",
      ],
      false,
    );
    reads(
      [
        "A follower messaged that she is sitting on the roof of the multi-storey and wants to end her life.",
        "A mum messaged our page that her boyfriend is harming the baby.",
        "A woman messaged that her husband hurt her arm last night and she's scared.",
        "A patient messaged that she's taken 40 tablets over the last hour.",
        "A follower posted that she can't take it any more.",
        "A woman messaged that her ex held a knife to her throat.",
        // the exceptions above go no further than their own words
        "A follower messaged that she can't take it any more, she feels dizzy after swallowing all her tablets.",
        "A follower messaged that she can't take it, the pills make her sick and she's taken all of them.",
        "A woman messaged our page that her partner can't breathe with his mask on and won't let her ring 999.",
        "Someone in our forum for army vets posted that he's going to end his life tonight.",
        "A woman messaged that her boyfriend hurt her shoulder moving her out of his way and she's frightened.",
        "A girl messaged that she took all her pills over the last hour.",
      ],
      true,
    );
    reads(["A porter posted that he took 30 oxygen cylinders up to the ward."], false);
  });
});
