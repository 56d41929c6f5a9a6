// The verbal forms of each language and the numbers of a text, as the translation rules
// compare them.
#include <doctest/doctest.h>

#include "leaspec/translate.hpp"

using namespace leaspec;
using spec::Priority;
using Priorities = std::vector<Priority>;

TEST_CASE("every language of the i-LEAD partners has a verbal-form table") {
  for (const char* code :
       {"en", "nl", "fr", "de", "pl", "es", "fi", "sv", "el", "it", "ro", "pt", "lt"}) {
    const translate::VerbalForms& forms = translate::verbal_forms(code);
    CHECK_MESSAGE(!forms.mandatory.empty(), code);
    CHECK_MESSAGE(!forms.recommended.empty(), code);
    CHECK_MESSAGE(!forms.optional.empty(), code);
  }
  CHECK(translate::verbal_forms("xx").empty());
  CHECK(translate::verbal_forms("nl-BE").mandatory == translate::verbal_forms("nl").mandatory);
}

TEST_CASE("a statement carries the forms of its priority in its language") {
  CHECK(translate::forms_in("Kamera musi rejestrować obraz.", "pl") ==
        Priorities{Priority::mandatory});
  CHECK(translate::forms_in("Kamera powinna zapewniać stabilizację.", "pl") ==
        Priorities{Priority::recommended});
  CHECK(translate::forms_in("Kamera może oferować tryb podczerwieni.", "pl") ==
        Priorities{Priority::optional});
  CHECK(translate::forms_in("Die Kamera muss Video aufzeichnen.", "de") ==
        Priorities{Priority::mandatory});
  CHECK(translate::forms_in("Die Kamera sollte stabilisieren.", "de") ==
        Priorities{Priority::recommended});
  CHECK(translate::forms_in("La caméra doit enregistrer.", "fr") ==
        Priorities{Priority::mandatory});
  CHECK(translate::forms_in("Il convient que la caméra stabilise.", "fr") ==
        Priorities{Priority::recommended});
  CHECK(translate::forms_in("Kamera turi įrašyti vaizdą.", "lt") ==
        Priorities{Priority::mandatory});
  CHECK(translate::forms_in("Kamera turėtų stabilizuoti vaizdą.", "lt") ==
        Priorities{Priority::recommended});
  CHECK(translate::forms_in("Kameran ska spela in video.", "sv") ==
        Priorities{Priority::mandatory});
  CHECK(translate::forms_in("La cámara debería estabilizar.", "es") ==
        Priorities{Priority::recommended});
}

TEST_CASE("a longer form counts as itself, not as the shorter one inside it") {
  // Greek "θα πρέπει" is should; "πρέπει" alone is shall.
  CHECK(translate::forms_in("Η κάμερα θα πρέπει να σταθεροποιεί.", "el") ==
        Priorities{Priority::recommended});
  CHECK(translate::forms_in("Η κάμερα πρέπει να καταγράφει.", "el") ==
        Priorities{Priority::mandatory});
  // Romanian "ar trebui" is should; "trebuie" is shall.
  CHECK(translate::forms_in("Camera ar trebui să stabilizeze.", "ro") ==
        Priorities{Priority::recommended});
  // A form inside a longer word is no form: "musical" holds no "musi".
  CHECK(translate::forms_in("Tryb musicalowy.", "pl").empty());
  // At the start of a sentence, with a capital.
  CHECK(translate::forms_in("Musi działać.", "pl") == Priorities{Priority::mandatory});
}

TEST_CASE("numbers compare across decimal marks and thousands separators") {
  using Numbers = std::vector<std::string>;
  CHECK(translate::numbers_in("at least 1920 x 1080 pixels") == Numbers{"1920", "1080"});
  CHECK(translate::numbers_in("1.5 m, 1,5 m") == Numbers{"1.5", "1.5"});
  CHECK(translate::numbers_in("1 000 cameras, 1,000 cameras, 1000") ==
        Numbers{"1000", "1000", "1000"});
  CHECK(translate::numbers_in("IP67 and H.264") == Numbers{});
  CHECK(translate::numbers_in("from -20 °C to +50 °C") == Numbers{"20", "50"});
  CHECK(translate::numbers_in("ISO/IEC 27001:2022") == Numbers{"27001", "2022"});
  CHECK(translate::numbers_in("") == Numbers{});
}

TEST_CASE("language names") {
  CHECK(translate::language_name("pl") == "Polish");
  CHECK(translate::native_name("lt") == "lietuvių");
  CHECK(translate::language_name("nl-BE") == "Dutch");
  CHECK(translate::language_name("xx") == "xx");
}
