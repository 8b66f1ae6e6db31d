// A probe for CTest's reporting, run only by tests/meta/ctestreport.cmake: one function passes, one skips, and
// with SKIPPROBE_FAIL set one fails too. It checks nothing of the product.
#include <QTest>

class SkipProbe : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void passes() { QVERIFY(true); }
    void skips() { QSKIP("the probe skips on purpose"); }
    void failsWhenAsked()
    {
        if (qEnvironmentVariableIsSet("SKIPPROBE_FAIL"))
            QFAIL("the probe fails on purpose");
    }
};

QTEST_GUILESS_MAIN(SkipProbe)
#include "tst_skipprobe.moc"
